"""Object storage for real: the whole pipeline against an S3 API (moto's server on loopback,
spoken to by s3fs and botocore over HTTP), with sources, the work store and releases in a bucket.

The first build publishes the seeds, a source added to the bucket makes a second release, and
readers (``read_release``, pyarrow and polars through s3fs, the command line) read them. The
release protocol for stores without rename or folders (objects under the version, checked, then
``latest.json``) is exercised where it can break: a publisher killed before its commit, and a
store that fails a put without naming the key.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import botocore.exceptions
import dagster as dg
import polars as pl
import pyarrow.parquet as pq
import pytest
import s3fs
from moto.server import ThreadedMotoServer

from pipeline import cli, release, storage
from pipeline.defs.build import build
from pipeline.release import (
    check_release,
    find_latest,
    latest_release,
    list_versions,
    publish,
    read_latest,
    read_release,
    to_arrow,
)
from pipeline.validation import validate_relations
from schemas import TABLES

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted(p for p in (ROOT / "seeds").iterdir() if p.suffix in (".txt", ".html"))
ADDED = ROOT / "tests" / "fixtures" / "reliability" / "harbour.txt"
BUCKET = "news-events-test"


@pytest.fixture(scope="module")
def s3(tmp_path_factory) -> Iterator[dict]:
    """moto's S3 server on a free loopback port, a bucket on it, and the environment that
    points botocore (so s3fs, so the pipeline) at it with dummy credentials."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per request otherwise
    patch = pytest.MonkeyPatch()
    none = str(tmp_path_factory.mktemp("aws") / "none")  # no user's AWS config is read
    for name, value in {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                        "AWS_DEFAULT_REGION": "us-east-1", "AWS_ENDPOINT_URL_S3": endpoint,
                        "AWS_CONFIG_FILE": none, "AWS_SHARED_CREDENTIALS_FILE": none,
                        "AWS_EC2_METADATA_DISABLED": "true"}.items():
        patch.setenv(name, value)
    for name in ("AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_ENDPOINT_URL"):
        patch.delenv(name, raising=False)
    # The test's own client: a separate instance from the pipeline's, as another process is.
    fs = s3fs.S3FileSystem(endpoint_url=endpoint, skip_instance_cache=True,
                           use_listings_cache=False)
    fs.mkdir(BUCKET)
    try:
        yield {"fs": fs, "endpoint": endpoint}
    finally:
        patch.undo()
        server.stop()


@pytest.fixture(scope="module")
def built(s3, tmp_path_factory) -> Iterator[dict]:
    """The seeds uploaded as sources and built into an s3:// release root (1.0.0); then one
    source more uploaded and built again (1.1.0). Each state is recorded as it was."""
    fs = s3["fs"]
    for seed in SEEDS:
        fs.pipe(f"{BUCKET}/sources/{seed.name}", seed.read_bytes())
    output = f"s3://{BUCKET}/output"
    home = tmp_path_factory.mktemp("s3_home")
    (home / "instance").mkdir()
    patch = pytest.MonkeyPatch()
    patch.setenv("NEWS_SOURCES_DIR", f"s3://{BUCKET}/sources")
    patch.setenv("NEWS_OUTPUT_DIR", output)
    patch.delenv("NEWS_WORK_DIR", raising=False)  # the work store follows: s3://.../output/.work
    patch.setenv("NEWS_N_PROCESS", "1")
    try:
        with dg.instance_for_test(temp_dir=str(home / "instance")) as instance:
            first = build(instance)
            after_first = {"latest": _get_json(fs, "latest.json"), "objects": _objects(fs)}
            fs.pipe(f"{BUCKET}/sources/{ADDED.name}", ADDED.read_bytes())
            second = build(instance)
            yield {**s3, "output": output, "home": home, "instance": instance, "first": first,
                   "after_first": after_first, "second": second}
    finally:
        patch.undo()


def _key(path: str) -> str:
    return f"{BUCKET}/output/news-events/{path}"


def _get_json(fs: s3fs.S3FileSystem, path: str) -> dict:
    return json.loads(fs.cat_file(_key(path)))


def _objects(fs: s3fs.S3FileSystem) -> dict[str, str]:
    """Every object of the dataset with the sha256 of its bytes."""
    return {key: hashlib.sha256(fs.cat_file(key)).hexdigest()
            for key in fs.find(f"{BUCKET}/output/news-events")}


def test_the_first_build_publishes_the_seeds_to_s3(built):
    first = built["first"]
    assert first.success, first.errors()
    assert first.release["version"] == "1.0.0"
    assert built["after_first"]["latest"] == {"version": "1.0.0", "path": "1.0.0"}
    published = {key.rsplit("/", 1)[-1] for key in built["after_first"]["objects"]}
    assert {f"{name}.parquet" for name in TABLES} <= published
    assert {"datapackage.json", "quality.json", "CHANGELOG.md", "README.md"} <= published
    # no staging prefix, no temporary pointer: objects are written under their version only
    assert all(key.startswith((_key("1.0.0/"), _key("latest.json")))
               for key in built["after_first"]["objects"]), built["after_first"]["objects"]


def test_the_work_store_lives_in_the_bucket(built):
    work = built["fs"].find(f"{BUCKET}/output/.work")
    assert any(key.endswith(".pkl") and "/article_nlp/" in key for key in work)
    assert any("/batches/" in key for key in work)


def test_the_tables_are_readable_with_pyarrow_and_polars_through_s3fs(built):
    fs = built["fs"]
    articles = pq.read_table(_key("1.0.0/articles.parquet"), filesystem=fs)
    assert articles.num_rows == len(SEEDS)
    with fs.open(_key("1.0.0/entity_mentions.parquet"), "rb") as handle:
        mentions = pl.read_parquet(handle)
    assert mentions.height > 0
    assert set(mentions["article_id"]) <= set(articles.column("article_id").to_pylist())


def test_an_added_source_makes_a_new_release_with_its_article(built):
    second = built["second"]
    assert second.success, second.errors()
    assert second.changes.describe().startswith("1 new"), second.changes.describe()
    assert second.release["version"] == "1.1.0"
    assert _get_json(built["fs"], "latest.json") == {"version": "1.1.0", "path": "1.1.0"}
    tables = read_release(built["output"])
    assert tables["articles"].height == len(SEEDS) + 1
    assert ADDED.name in tables["articles"]["source"].to_list()
    assert validate_relations(tables) == []


def test_the_previous_release_stays_intact(built):
    before = {key: sha for key, sha in built["after_first"]["objects"].items()
              if key.startswith(_key("1.0.0/"))}
    now = _objects(built["fs"])
    assert {key: now.get(key) for key in before} == before  # every object, byte for byte
    assert check_release(f"{built['output']}/news-events/1.0.0", rows=True) == []
    old = read_release(built["output"], "1.0.0")
    assert ADDED.name not in old["articles"]["source"].to_list()


def test_readers_and_the_command_line_read_the_s3_release(built, capsys):
    assert latest_release(built["output"])["version"] == "1.1.0"
    assert list_versions(built["output"]) == ["1.0.0", "1.1.0"]
    capsys.readouterr()
    assert cli.main(["validate", "latest", "--output", built["output"]]) == cli.OK
    assert f"valid: {built['output']}/news-events/1.1.0" in capsys.readouterr().out
    assert cli.main(["versions", built["output"]]) == cli.OK
    assert capsys.readouterr().out.splitlines() == ["1.0.0", "1.1.0  (latest)"]
    assert cli.main(["diff", "1.0.0", "latest", "--output", built["output"]]) == cli.OK
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "1.0.0 -> 1.1.0"
    assert lines[2].split()[:2] == ["articles", "1"]  # one article added


def test_a_rebuild_with_nothing_new_does_nothing(built):
    again = build(built["instance"])
    assert again.result is None
    assert read_latest(built["output"])["version"] == "1.1.0"


# --- the publish protocol on an object store (small tables, its own prefix) ------------------

TEXT = "Ada Lovelace visited London in June."


def _tables(edition: int) -> dict:
    article_id = f"art_{edition}"
    rows = {name: [] for name in TABLES}
    rows["articles"] = [{
        "article_id": article_id, "source": "a.txt", "sources": ["a.txt"],
        "source_sha256": f"{edition:064x}", "encoding": "utf-8", "replaced_bytes": 0,
        "removed_characters": 0, "language": "en", "title": f"Edition {edition}",
        "published": None, "modified": None, "authors": [], "outlet": None, "wire": None,
        "dateline": None, "captions": [], "text": f"{TEXT} Edition {edition}.",
        "text_case": "mixed",
    }]
    return {name: to_arrow(name, rows[name]) for name in TABLES}


def _publish(output: str, edition: int) -> release.ReleaseResult:
    return publish(_tables(edition), output, {"a.txt": f"{edition:064x}"}, {"code_version": "t"})


class Killed(BaseException):
    """Stands for a SIGKILL: nothing after it in the publisher runs (not even ``except``)."""


def _pipeline_fs() -> s3fs.S3FileSystem:
    """The s3fs instance the pipeline uses (fsspec keeps one per options): faults are put on
    its methods, since fsspec binds them when the instance is made."""
    return storage.filesystem(f"s3://{BUCKET}")[0]


def _no_such_key(*args, **kwargs):
    raise botocore.exceptions.ClientError(
        {"Error": {"Code": "NoSuchKey", "Message": "The specified key does not exist."}},
        "PutObject")


def test_a_publisher_killed_before_its_commit_leaves_nothing_visible(s3, monkeypatch, capsys):
    output = f"s3://{BUCKET}/killed"
    assert _publish(output, 1).version == "1.0.0"

    def killed(*args, **kwargs):
        raise Killed

    with monkeypatch.context() as patch:
        patch.setattr(release, "_point_latest", killed)  # every object written, then killed
        with pytest.raises(Killed):
            _publish(output, 2)
    fs = s3["fs"]
    assert fs.isfile(f"{BUCKET}/killed/news-events/1.1.0/articles.parquet")  # half a release
    assert read_latest(output)["version"] == "1.0.0"
    assert list_versions(output) == ["1.0.0"]  # the uncommitted 1.1.0 is not visible
    found = find_latest(output)
    assert (found.version, found.note) == ("1.0.0", None)
    with pytest.raises(FileNotFoundError):
        read_release(output, "1.1.0")
    assert read_release(output)["articles"]["title"].to_list() == ["Edition 1"]
    capsys.readouterr()
    assert cli.main(["versions", output]) == cli.OK
    assert capsys.readouterr().out.splitlines() == ["1.0.0  (latest)"]
    assert cli.main(["diff", "1.0.0", "1.1.0", "--output", output]) == cli.USAGE
    assert "no version 1.1.0" in capsys.readouterr().err

    third = _publish(output, 3)  # the next publish writes 1.1.0 again, over the leftover
    assert (third.published, third.version) == (True, "1.1.0")
    assert list_versions(output) == ["1.0.0", "1.1.0"]
    assert read_release(output)["articles"]["title"].to_list() == ["Edition 3"]
    assert check_release(f"{output}/news-events/1.1.0", rows=True) == []


def test_a_first_publisher_killed_midway_publishes_nothing(s3, monkeypatch):
    output = f"s3://{BUCKET}/first-killed"
    fs = _pipeline_fs()
    put = fs.pipe_file
    written = []

    def put_then_die(path, *args, **kwargs):
        if written:
            raise Killed  # killed after the first object
        written.append(path)
        return put(path, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(fs, "pipe_file", put_then_die)
        with pytest.raises(Killed):
            _publish(output, 1)
    assert written and "/1.0.0/" in written[0]
    assert read_latest(output) is None and latest_release(output) is None
    assert list_versions(output) == []
    assert _publish(output, 1).version == "1.0.0"
    assert read_release(output)["articles"].height == 1


def test_publishing_never_copies_or_moves_objects(s3, monkeypatch):
    """S3 has no rename: a move is a copy of every object, which is how a release used to end
    half-moved. The protocol puts each object once, where it stays."""
    def refused(*args, **kwargs):
        raise AssertionError("the publish copied an object")

    fs = _pipeline_fs()
    for method in ("copy", "cp_file", "mv", "rename"):
        monkeypatch.setattr(fs, method, refused)
    output = f"s3://{BUCKET}/no-copy"
    assert _publish(output, 1).version == "1.0.0"
    assert _publish(output, 2).version == "1.1.0"
    assert read_latest(output)["version"] == "1.1.0"


def test_an_object_stored_wrong_is_caught_before_the_commit(s3, monkeypatch):
    """Each object is read back and checked against what was written before latest.json is:
    a store that kept other bytes (here: a truncated table) fails the publish, naming it."""
    fs = _pipeline_fs()
    put = fs.pipe_file

    def truncating(path, data, *args, **kwargs):
        if path.endswith("/quotes.parquet"):
            data = data[: len(data) // 2]
        return put(path, data, *args, **kwargs)

    output = f"s3://{BUCKET}/truncated"
    monkeypatch.setattr(fs, "pipe_file", truncating)
    with pytest.raises(release.UnverifiedWrite, match=f"{output}/news-events/1.0.0/quotes"):
        _publish(output, 1)
    assert read_latest(output) is None and list_versions(output) == []


def test_a_failed_put_is_named_by_its_url(s3, monkeypatch):
    monkeypatch.setattr(_pipeline_fs(), "pipe_file", _no_such_key)
    output = f"s3://{BUCKET}/failing"
    with pytest.raises(botocore.exceptions.ClientError) as raised:
        _publish(output, 1)
    assert raised.value.__notes__ == [
        f"while writing {output}/news-events/1.0.0/articles.parquet"]


def test_the_command_line_names_the_url_a_failed_release_was_writing(built, monkeypatch,
                                                                     capsys):
    """The issue's failure as a person meets it: the release step's store error names no key;
    the command line prints the object's URL under the cause, and where the build read and
    wrote; the next build publishes. (The work store is the built one, so only the corpus
    steps and the release run.)"""
    fs = _pipeline_fs()
    put = fs.pipe_file

    def refuse_releases(path, *args, **kwargs):
        if "/refused/" in path:
            _no_such_key()
        return put(path, *args, **kwargs)

    monkeypatch.setattr(fs, "pipe_file", refuse_releases)
    monkeypatch.setenv("NEWS_SOURCES_DIR", f"s3://{BUCKET}/sources")
    monkeypatch.setenv("NEWS_WORK_DIR", f"{built['output']}/.work")
    monkeypatch.setenv("NEWS_N_PROCESS", "1")
    monkeypatch.setenv("DAGSTER_HOME", str(built["home"] / "cli"))
    output = f"s3://{BUCKET}/refused"
    capsys.readouterr()
    assert cli.main(["build", "--output", output]) == cli.FAILED
    lines = capsys.readouterr().err.splitlines()
    failed = lines.index(next(line for line in lines if line.startswith("error in release:")))
    assert "NoSuchKey" in lines[failed]
    assert lines[failed + 1] == f"  while writing {output}/news-events/1.0.0/articles.parquet"
    assert any(line.startswith("build failed") and f"output {output}, work store "
               f"{built['output']}/.work)" in line for line in lines), lines
    assert read_latest(output) is None

    monkeypatch.setattr(fs, "pipe_file", put)  # the store works again: the next build
    assert cli.main(["build", "--output", output]) == cli.OK  # publishes, not "nothing to do"
    assert "no complete release is published yet" in capsys.readouterr().out
    assert read_latest(output) == {"version": "1.0.0", "path": "1.0.0"}


def _articles(editions: range) -> dict:
    """Release tables of one article per edition (a large release in miniature)."""
    tables = [_tables(edition)["articles"] for edition in editions]
    return {**_tables(editions[0]), "articles": to_arrow("articles", [
        {**row, "source": f"{row['article_id']}.txt", "sources": [f"{row['article_id']}.txt"]}
        for table in tables for row in table.to_pylist()])}


def test_a_part_folder_shares_unchanged_parts_by_server_side_copy(s3):
    """A table stored as a folder of part files: the next release copies the parts that did
    not change inside the store (no bytes sent), and readers read the folder as one table."""
    output = f"s3://{BUCKET}/parts"
    first = publish(_articles(range(1, 41)), output,
                    {f"art_{n}.txt": f"{n:064x}" for n in range(1, 41)}, {}, part_bytes=2048)
    second = publish(_articles(range(1, 42)), output,
                     {f"art_{n}.txt": f"{n:064x}" for n in range(1, 42)}, {}, part_bytes=2048)
    assert (first.version, second.version) == ("1.0.0", "1.1.0")
    assert second.bytes_shared > second.bytes_written / 4 > 0
    assert check_release(f"{output}/news-events/1.1.0", rows=True) == []
    fs = s3["fs"]
    folder = f"{BUCKET}/parts/news-events/1.1.0/articles.parquet"
    assert len(fs.ls(folder)) > 2
    assert pq.read_table(folder, filesystem=fs).num_rows == 41
    assert sorted(read_release(output, "1.0.0")["articles"]["article_id"]) == sorted(
        f"art_{n}" for n in range(1, 41))
