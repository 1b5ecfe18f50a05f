"""scripts/audit.py on small advisory databases made here: which versions an
OSV range covers, the allow-list, what it prints and its exit status."""

from __future__ import annotations

import importlib.util
import sys
import textwrap
from pathlib import Path

import pytest
from packaging.version import Version

from tests.conftest import ROOT

spec = importlib.util.spec_from_file_location("audit", ROOT / "scripts" / "audit.py")
audit = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
sys.modules["audit"] = audit  # dataclasses look their module up
spec.loader.exec_module(audit)  # type: ignore[union-attr]

README = """# Python security advisories, vendored

- Upstream: github.com/pypa/advisory-database
- Snapshot commit: 0123456789abcdef0123456789abcdef01234567 (2024-10-10)
"""


def advisory(id: str, package: str, events: str = "", versions: str = "",
             extra: str = "") -> str:  # fmt: skip
    ranges = f"""
  ranges:
  - type: GIT
    repo: https://example.invalid/{package}
    events:
    - introduced: "0"
    - fixed: 33ccdfb0a12690af5bb49bda2319ec0907fa7827
  - type: ECOSYSTEM
    events:
{textwrap.indent(textwrap.dedent(events).strip(), "    ")}""" if events else ""
    listed = ""
    if versions:
        listed = f"\n  versions:\n{textwrap.indent(versions.strip(), '  ')}"
    return f"""id: {id}
summary: A made-up hole in {package}
aliases:
- CVE-2099-{id[-4:]}
{extra}affected:
- package:
    ecosystem: PyPI
    name: {package}{ranges}{listed}
"""


@pytest.fixture
def database(tmp_path: Path) -> Path:
    root = tmp_path / "advisories"
    (root / "vulns").mkdir(parents=True)
    (root / "README.md").write_text(README, encoding="utf-8")
    return root


def add(database: Path, directory: str, id: str, text: str) -> None:
    folder = database / "vulns" / directory
    folder.mkdir(exist_ok=True)
    (folder / f"{id}.yaml").write_text(text, encoding="utf-8")


def events(*pairs):
    return [{kind: at} for kind, at in pairs]


@pytest.mark.parametrize("version, covered", [
    ("0.9", False), ("1.0", True), ("1.4.9", True), ("1.5", False),
    ("1.9", False), ("2.0", True), ("2.2.post1", True), ("2.3", False),
    ("3.0", False),
])  # fmt: skip
def test_two_introduced_fixed_ranges(version, covered):
    # Deliberately out of order: OSV does not promise sorted events.
    ranges = events(("introduced", "2.0"), ("fixed", "1.5"),
                    ("introduced", "1.0"), ("fixed", "2.3"))  # fmt: skip
    assert audit.in_range(Version(version), ranges) is covered


def test_introduced_zero_without_a_fix_covers_everything():
    assert audit.in_range(Version("99.0"), events(("introduced", "0")))


def test_last_affected_is_inclusive_and_limit_exclusive():
    last = events(("introduced", "0"), ("last_affected", "1.2"))
    assert audit.in_range(Version("1.2"), last)
    assert not audit.in_range(Version("1.2.1"), last)
    limit = events(("introduced", "1.0"), ("limit", "2.0"))
    assert audit.in_range(Version("1.9"), limit)
    assert not audit.in_range(Version("2.0"), limit)


def test_pre_releases_of_the_fix_are_still_covered():
    ranges = events(("introduced", "0"), ("fixed", "3.9.2"))
    assert audit.in_range(Version("3.9.2rc1"), ranges)
    assert not audit.in_range(Version("3.9.2"), ranges)


def test_findings_from_ranges_and_explicit_versions(database):
    add(database, "sanic", "PYSEC-2024-0001", advisory(
        "PYSEC-2024-0001", "sanic", events='- introduced: "0"\n- fixed: 22.0.0'))
    add(database, "sanic", "PYSEC-2024-0002", advisory(
        "PYSEC-2024-0002", "sanic", events='- introduced: "0"\n- fixed: 21.12.0'))
    # Only the explicit list names the version; the range is in git commits.
    add(database, "Flask_WTF", "PYSEC-2024-0003", advisory(
        "PYSEC-2024-0003", "Flask_WTF", versions="- 1.2.2\n- 1.2.1"))
    add(database, "redis", "PYSEC-2024-0004", advisory(
        "PYSEC-2024-0004", "redis", events='- introduced: "0"',
        extra="withdrawn: '2024-06-06T10:37:00Z'\n"))  # fmt: skip
    add(database, "numpy", "PYSEC-2024-0005", advisory(
        "PYSEC-2024-0005", "numpy", events='- introduced: "0"\n- fixed: 1.22.0'))
    pins = {"sanic": "21.12.2", "flask-wtf": "1.2.2", "redis": "4.6.0",
            "numpy": "1.23.5"}  # fmt: skip
    found = audit.audit(pins, database)
    assert [(f.package, f.id, f.fixed) for f in found] == [
        ("flask-wtf", "PYSEC-2024-0003", ()),
        ("sanic", "PYSEC-2024-0001", ("22.0.0",)),
    ]
    assert found[1].aliases == ("CVE-2099-0001",)


def test_the_lock_is_read_by_canonical_name(tmp_path):
    lock = tmp_path / "requirements.lock"
    lock.write_text("# pinned\nFlask_WTF==1.2.2\n"
                    "sanic[ext]==21.12.2 ; python_version >= '3'\n"
                    "-e .\nnumpy>=1.0\n", encoding="utf-8")  # fmt: skip
    assert audit.read_lock(lock) == {"flask-wtf": "1.2.2", "sanic": "21.12.2"}


def run(tmp_path, database, allowlist_text=None, pins="sanic==21.12.2\n",
        extra_text=None):  # fmt: skip
    lock = tmp_path / "requirements.lock"
    lock.write_text(pins, encoding="utf-8")
    allowlist = tmp_path / "audit-allowlist.yml"
    if allowlist_text is not None:
        allowlist.write_text(textwrap.dedent(allowlist_text), encoding="utf-8")
    extra = tmp_path / "advisories-extra.yml"
    if extra_text is not None:
        extra.write_text(textwrap.dedent(extra_text), encoding="utf-8")
    return audit.main(["--lock", str(lock), "--advisories", str(database),
                       "--allowlist", str(allowlist), "--extra", str(extra)])  # fmt: skip


@pytest.fixture
def sanic_hole(database):
    add(database, "sanic", "PYSEC-2024-0001", advisory(
        "PYSEC-2024-0001", "sanic", events='- introduced: "0"\n- fixed: 22.0.0'))
    return database


def test_an_unlisted_finding_fails_and_the_snapshot_is_printed(
    tmp_path, sanic_hole, capsys
):
    assert run(tmp_path, sanic_hole) == 1
    out = capsys.readouterr().out
    assert "Snapshot: 2024-10-10, commit 0123456789abcdef" in out
    assert "sanic==21.12.2  PYSEC-2024-0001 (CVE-2099-0001)" in out
    assert "fixed in: 22.0.0" in out and "NOT ALLOWED" in out


@pytest.mark.parametrize("listed_as", ["PYSEC-2024-0001", "CVE-2099-0001"])
def test_a_finding_listed_with_a_reason_passes(tmp_path, sanic_hole, capsys,
                                               listed_as):  # fmt: skip
    allowlist = f"""
        - id: {listed_as}
          package: Sanic
          reason: Only the Rasa server uses sanic, bound to localhost.
    """
    assert run(tmp_path, sanic_hole, allowlist) == 0
    out = capsys.readouterr().out
    assert "allowed: Only the Rasa server uses sanic, bound to localhost." in out


def test_the_allowance_is_for_that_package_only(tmp_path, sanic_hole):
    allowlist = """
        - id: PYSEC-2024-0001
          package: aiohttp
          reason: a reason for another package
    """
    assert run(tmp_path, sanic_hole, allowlist) == 1


@pytest.mark.parametrize("allowlist", [
    "- id: PYSEC-2024-0001\n  package: sanic\n",
    "- id: PYSEC-2024-0001\n  package: sanic\n  reason: '  '\n",
    "- just-a-string\n",
    "- id: [unclosed\n",
])  # fmt: skip
def test_an_allowance_without_a_reason_stops_the_audit(
    tmp_path, sanic_hole, capsys, allowlist
):
    assert run(tmp_path, sanic_hole, allowlist) == 2
    assert "audit-allowlist.yml" in capsys.readouterr().err


def test_a_fixed_pin_passes_and_a_stale_allowance_is_noted(tmp_path, sanic_hole,
                                                           capsys):  # fmt: skip
    allowlist = """
        - id: PYSEC-2024-0001
          package: sanic
          reason: was needed for 21.12
    """
    assert run(tmp_path, sanic_hole, allowlist, pins="sanic==22.0.0\n") == 0
    assert "no longer matches a finding" in capsys.readouterr().out


def test_no_database_is_an_error_not_a_clean_result(tmp_path, capsys):
    assert run(tmp_path, tmp_path / "nowhere") == 2
    assert "no advisory database" in capsys.readouterr().err


# --- advisories-extra.yml: what the PyPA snapshot misses (issue 23, finding 13) ---

EXTRA = """
    - id: GHSA-aaaa-bbbb-cccc
      aliases: [CVE-2099-1111]
      package: AioHTTP
      affected: "<3.10.11 || >=3.11.0,<3.11.2"
      fixed: "3.10.11, 3.11.2"
      source: https://github.com/advisories/GHSA-aaaa-bbbb-cccc
      summary: A made-up smuggling hole
"""


@pytest.mark.parametrize("pinned, found", [
    ("3.9.5", True), ("3.10.11", False), ("3.11.1", True), ("3.11.2", False),
    ("3.11.0rc1", False),
])  # fmt: skip
def test_an_extra_advisory_is_checked_like_the_snapshot(
    tmp_path, database, capsys, pinned, found
):
    code = run(tmp_path, database, pins=f"aiohttp=={pinned}\n", extra_text=EXTRA)
    out = capsys.readouterr().out
    assert code == (1 if found else 0)
    assert ("GHSA-aaaa-bbbb-cccc (CVE-2099-1111)" in out) == found
    if found:
        assert "fixed in: 3.10.11, 3.11.2" in out
        assert "https://github.com/advisories/GHSA-aaaa-bbbb-cccc" in out


def test_an_extra_advisory_is_allowed_by_id_or_alias(tmp_path, database, capsys):
    allowlist = """
        - id: CVE-2099-1111
          package: aiohttp
          reason: we run no aiohttp server
    """
    assert run(tmp_path, database, allowlist, pins="aiohttp==3.9.5\n",
               extra_text=EXTRA) == 0  # fmt: skip


def test_an_advisory_in_both_is_reported_once(tmp_path, database, capsys):
    add(database, "aiohttp", "PYSEC-2099-1111", advisory(
        "PYSEC-2099-1111", "aiohttp", events='- introduced: "0"\n- fixed: 3.10.11',
        extra="aliases:\n- GHSA-aaaa-bbbb-cccc\n"))  # fmt: skip
    run(tmp_path, database, pins="aiohttp==3.9.5\n", extra_text=EXTRA)
    assert "1 findings." in capsys.readouterr().out


@pytest.mark.parametrize("entry", [
    "- id: GHSA-x\n  package: aiohttp\n  affected: '<1'\n  fixed: '1'\n",
    "- id: GHSA-x\n  package: aiohttp\n  affected: 'not a range'\n"
    "  fixed: '1'\n  source: https://x\n",
    "just a string\n",
])  # fmt: skip
def test_an_incomplete_extra_advisory_stops_the_audit(tmp_path, database, capsys,
                                                      entry):  # fmt: skip
    assert run(tmp_path, database, extra_text=entry) == 2
    assert "advisories-extra.yml" in capsys.readouterr().err


def test_the_projects_audit_sees_the_github_only_and_later_advisories(capsys):
    """The real lock, snapshot, extra file and allow-list, as `make audit` runs."""
    if not audit.DEFAULT_ADVISORIES.is_dir():
        pytest.skip("no vendored advisory database beside the checkout")
    assert audit.main([]) == 0
    out = capsys.readouterr().out
    for package, id in [
        ("dnspython==2.3.0", "GHSA-3rq5-2g8h-59hc"),
        ("pymongo==4.3.3", "GHSA-m87m-mmvp-v9qm"),
        ("sentry-sdk==1.14.0", "GHSA-g92j-qhmh-64v2"),
        ("scikit-learn==1.1.3", "GHSA-jw8x-6495-233v"),
        ("aiohttp==3.9.5", "CVE-2024-52304"),
        ("aiohttp==3.9.5", "CVE-2025-53643"),
        ("protobuf==4.23.3", "CVE-2025-4565"),
    ]:
        assert any(package in line and id in line for line in out.splitlines()), id
    assert "NOT ALLOWED" not in out
