"""The default score bands of 第二十九条, loaded from data/score_bands.json (a default to be confirmed)."""

import datetime
import json
from decimal import Decimal
from pathlib import Path

SEED = Path(__file__).resolve().parent / "data" / "score_bands.json"


def seed_default_bands(score_band_model):
    """Create the default bands that are missing; score_band_model may be a migration's historical model."""
    data = json.loads(SEED.read_text(encoding="utf-8"))
    effective_from = datetime.date.fromisoformat(data["effective_from"])
    for band in data["bands"]:
        score_band_model.objects.get_or_create(
            effective_from=effective_from, min_score=Decimal(band["min_score"]),
            defaults={"payment_percent": Decimal(band["payment_percent"]), "consequence": band["consequence"],
                      "source": data["source"], "to_be_confirmed": True},
        )
