import datetime
import json
from decimal import Decimal
from pathlib import Path

from django.db import migrations

SEED = Path(__file__).resolve().parent.parent / "data" / "score_bands.json"


def seed(apps, schema_editor):
    ScoreBand = apps.get_model("billing", "ScoreBand")
    data = json.loads(SEED.read_text(encoding="utf-8"))
    effective_from = datetime.date.fromisoformat(data["effective_from"])
    for band in data["bands"]:
        ScoreBand.objects.get_or_create(
            effective_from=effective_from, min_score=Decimal(band["min_score"]),
            defaults={"payment_percent": Decimal(band["payment_percent"]), "consequence": band["consequence"],
                      "source": data["source"], "to_be_confirmed": True},
        )


class Migration(migrations.Migration):
    dependencies = [("billing", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
