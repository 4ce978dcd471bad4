"""`manage.py billing simulate`: finance's what-if on a scenario file, without the database (第六条, 第十三条 – 第十五条)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

EXAMPLE = {
    "period": {"from": "2026-03-01", "to": "2026-06-30"},
    "prices": [
        {"item": "ECS-4C8G", "unit_price": "1000.00", "per": "month", "effective_from": "2026-01-01"},
        {"item": "ECS-8C16G", "unit_price": "2000.00", "per": "month", "effective_from": "2026-01-01"},
    ],
    "resources": [{"id": "vm-1", "department": "D01", "events": [
        {"date": "2026-03-10", "type": "confirm", "item": "ECS-4C8G", "quantity": 1},
        {"date": "2026-05-16", "type": "change", "item": "ECS-8C16G", "quantity": 1},
        {"date": "2026-06-10", "type": "reclaim"},
    ]}],
}


def simulate(tmp_path, data):
    path = tmp_path / "scenario.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    # A separate process with no usable database proves the what-if never touches one.
    env = {"DATABASE_URL": "sqlite:////nonexistent/dir/none.sqlite3", "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "manage.py", "billing", "simulate", str(path)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


def test_example_scenario_output(tmp_path):
    """第十三条 – 第十五条: March 22 days, April whole, May 15 + 16 days across the change, June to the day before reclaim."""
    result = simulate(tmp_path, EXAMPLE)

    assert result.returncode == 0, result.stderr
    output = json.loads(result.stdout)
    assert output["lines"] == [
        {"resource": "vm-1", "month": "2026-03", "item": "ECS-4C8G", "days": 22, "amount": "709.68"},
        {"resource": "vm-1", "month": "2026-04", "item": "ECS-4C8G", "days": 30, "amount": "1000.00"},
        {"resource": "vm-1", "month": "2026-05", "item": "ECS-4C8G", "days": 15, "amount": "483.87"},
        {"resource": "vm-1", "month": "2026-05", "item": "ECS-8C16G", "days": 16, "amount": "1032.26"},
        {"resource": "vm-1", "month": "2026-06", "item": "ECS-8C16G", "days": 9, "amount": "600.00"},
    ]
    assert output["by_month"] == {"2026-03": "709.68", "2026-04": "1000.00", "2026-05": "1516.13",
                                  "2026-06": "600.00"}
    assert output["total"] == "3825.81"


def _with(**changes):
    data = json.loads(json.dumps(EXAMPLE))
    for key, value in changes.items():
        data[key] = value
    return data


@pytest.mark.parametrize("data, expected", [
    (_with(prices=EXAMPLE["prices"][:1]), "ECS-8C16G"),
    (_with(prices=EXAMPLE["prices"] + [dict(EXAMPLE["prices"][0], unit_price="1.00")]), "ECS-4C8G"),
    (_with(resources=[{"id": "vm-2", "events": [
        {"date": "2026-03-10", "type": "confirm", "item": "ECS-4C8G", "quantity": 1},
        {"date": "2026-03-01", "type": "change", "item": "ECS-8C16G", "quantity": 1}]}]), "vm-2"),
], ids=["item-without-price", "two-prices-same-date", "event-before-confirmation"])
def test_scenario_errors_exit_2_with_chinese_message(tmp_path, data, expected):
    result = simulate(tmp_path, data)

    assert result.returncode == 2
    assert expected in result.stderr
    assert any("\u4e00" <= character <= "\u9fff" for character in result.stderr), result.stderr
