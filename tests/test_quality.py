"""Quality figures: recorded by the scorers, carried by each release, current or not."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from PIL import Image
from test_release import SOURCES, _rows, _tables

from pipeline import quality
from pipeline.card import CARD, QUALITY_FIGURE, quality_series
from pipeline.cli import main
from pipeline.evaluation import evaluate, load_gold
from pipeline.release import DamagedRelease, check_release, publish, read_release

STAGES = {"read": "r" * 12, "clean": "c" * 12, "nlp": "n" * 12, "corpus": "k" * 12}
PROVENANCE = {"code_version": "0.1.0", "spacy_model": "none", "stage_versions": STAGES}
OTHER_NLP = {**STAGES, "nlp": "o" * 12, "corpus": "p" * 12}


def _record_two(folder: Path) -> None:
    """A cleaning set measured on this release's code and a quotes set measured on other."""
    quality.record("clean", {"txt mean F1": 0.91, "html mean F1": 0.88},
                   {"corpus": "benchmark-dev", "items": 40, "unit": "pages",
                    "split": "in-sample"}, {"read": STAGES["read"], "clean": STAGES["clean"]},
                   folder)
    quality.record("quotes", {"recall": 0.882, "speaker_name": 0.919, "unused": None},
                   {"corpus": "polnear-train", "items": 120, "unit": "articles",
                    "split": "held-out fold [4] of 5"},
                   {"nlp": OTHER_NLP["nlp"], "corpus": OTHER_NLP["corpus"]}, folder)


def test_a_recorded_set_reads_back_with_what_it_was_measured_on(tmp_path):
    path = quality.record("entities", {"accuracy": 0.963, "label errors": 3},
                          {"corpus": "polnear-train", "items": 406}, {"nlp": "x" * 12},
                          tmp_path)
    assert path == tmp_path / "entities.json"
    _record_two(tmp_path)
    sets = quality.load_all(tmp_path)
    assert [s["scorer"] for s in sets] == ["clean", "quotes", "entities"]  # SCORERS order
    entities = sets[-1]
    assert entities["figures"] == {"accuracy": 0.963, "label errors": 3}
    assert entities["measured_on"]["items"] == 406 and entities["stages"] == {"nlp": "x" * 12}
    assert entities["code_version"] == quality.package_version() != "unknown"
    assert entities["recorded"][:4].isdigit() and entities["command"] == "make eval-entities"
    with pytest.raises(ValueError, match="unknown scorer"):
        quality.record("no-such-scorer", {}, {}, {}, tmp_path)
    (tmp_path / "broken.json").write_text("{")
    with pytest.raises(ValueError, match=r"broken\.json"):
        quality.load_all(tmp_path)


def test_publish_writes_quality_json_marks_current_sets_and_the_card_shows_them(tmp_path):
    figures = tmp_path / "quality"
    _record_two(figures)
    output = tmp_path / "out"
    result = publish(_tables(_rows()), str(output), SOURCES, PROVENANCE,
                     quality.load_all(figures))
    release = Path(result.path)
    package = json.loads((release / "datapackage.json").read_text())
    data = (release / "quality.json").read_bytes()
    assert package["quality"]["path"] == "quality.json"
    assert package["quality"]["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
    document = json.loads(data)
    assert document["release"] == "1.0.0" and document["stage_versions"] == STAGES
    marks = {s["scorer"]: (s["current"], s["stale_stages"]) for s in document["figure_sets"]}
    assert marks == {"clean": (True, []), "quotes": (False, ["nlp", "corpus"])}

    card = (release / CARD).read_text()
    assert "| scorer | figure | value | measured on | code version | current? |" in card
    clean_row = next(line for line in card.splitlines() if "| txt mean F1 |" in line)
    assert "| 0.910 |" in clean_row and "benchmark-dev, 40 pages, in-sample" in clean_row
    assert f"clean `{STAGES['clean']}`" in clean_row and clean_row.endswith("| yes |")
    recall_row = next(line for line in card.splitlines() if "| recall |" in line)
    assert recall_row.endswith("| no (nlp, corpus differ) |")
    assert f"nlp `{OTHER_NLP['nlp']}`" in recall_row
    assert "| unused | – |" in card
    with Image.open(release / QUALITY_FIGURE) as image:
        assert image.format == "PNG" and image.width > 100
    assert f"]({QUALITY_FIGURE})" in card


def test_a_release_with_quality_json_validates_and_a_changed_one_is_caught(tmp_path, capsys):
    figures = tmp_path / "quality"
    _record_two(figures)
    output = tmp_path / "out"
    result = publish(_tables(_rows()), str(output), SOURCES, PROVENANCE,
                     quality.load_all(figures))
    assert main(["validate", result.version, "--output", str(output)]) == 0
    assert "valid:" in capsys.readouterr().out
    path = Path(result.path) / "quality.json"
    path.write_text(path.read_text().replace('"current": true', '"current": false'))
    problems = check_release(result.path)
    assert problems and problems[0].startswith("quality.json: ")
    assert main(["validate", result.version, "--output", str(output)]) == 1
    with pytest.raises(DamagedRelease, match=r"quality\.json"):
        read_release(str(output), result.version)


def test_a_later_release_draws_the_figures_of_the_earlier_ones(tmp_path):
    figures = tmp_path / "quality"
    _record_two(figures)
    output = tmp_path / "out"
    publish(_tables(_rows()), str(output), SOURCES, PROVENANCE, quality.load_all(figures))
    # new code for the cleaning stage: the recorded cleaning figure is no longer current
    newer = {**PROVENANCE, "stage_versions": {**STAGES, "clean": "d" * 12}}
    second = publish(_tables(_rows(article_id="art_2")), str(output),
                     {**SOURCES, "b.txt": "2" * 64}, newer,
                     quality.load_all(figures))
    assert second.version == "1.1.0"
    history = [(v, json.loads((output / "news-events" / v / "quality.json").read_text()))
               for v in ("1.0.0", "1.1.0")]
    series = quality_series(history)
    assert series["clean"]["txt mean F1"] == [("1.0.0", 0.91, True), ("1.1.0", 0.91, False)]
    assert series["quotes"]["recall"] == [("1.0.0", 0.882, False), ("1.1.0", 0.882, False)]
    assert "unused" not in series["quotes"]
    card = (Path(second.path) / CARD).read_text()
    clean_row = next(line for line in card.splitlines() if "| txt mean F1 |" in line)
    assert clean_row.endswith("| no (clean differ) |")


def test_a_release_of_the_seeds_scores_itself_and_replaces_the_recorded_seeds_set(tmp_path):
    """Sources with the seeds' content: the release evaluates its own tables at publish."""
    seeds = {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
             for p in sorted(quality.SEEDS_DIR.iterdir())}
    assert quality.are_seeds(seeds.values()) and not quality.are_seeds(SOURCES.values())
    stale = tmp_path / "quality"
    quality.record("seeds", {"titles": 0.5}, {"corpus": "seeds"}, OTHER_NLP, stale)
    rows = _rows()
    result = publish(_tables(rows), str(tmp_path / "out"), seeds, PROVENANCE,
                     quality.load_all(stale))
    document = json.loads((Path(result.path) / "quality.json").read_text())
    (own,) = document["figure_sets"]
    expected = quality.seeds_figures(evaluate(read_release(str(tmp_path / "out")),
                                              load_gold()))
    assert own["figures"] == expected and own["figures"]["titles"] == 0.0  # not the seeds' text
    assert own["current"] is True and own["stages"] == STAGES and own["self_scored"]
    assert own["measured_on"]["release"] == "1.0.0"


@pytest.mark.parametrize("name", list(quality.SCORERS))
def test_each_scorers_headline_is_a_figure_it_records(name):
    """The card's chart of quality across releases draws each scorer's headline figure."""
    recorded = json.loads((quality.QUALITY_DIR / f"{name}.json").read_text(encoding="utf-8"))
    assert quality.SCORERS[name].headline in recorded["figures"]
