"""`make audit`: every pin in requirements.lock against the vendored advisory
database (../shared/advisories, a snapshot of the PyPA advisory database in
OSV format: vulns/<package>/<id>.yaml) and against advisories-extra.yml, the
project's own short list of advisories that snapshot misses (GitHub-only ones,
and ones published after it): id, package, affected (PEP 440 specifiers,
ranges joined by " || "), fixed, source.

Prints the snapshot's date and commit, then each advisory that covers a locked
version. Exits 1 unless every finding is in audit-allowlist.yml with a reason
(id, package, reason), 2 when the database or the allow-list cannot be read.
A clean result means "no advisory known as of the snapshot date, nor in
advisories-extra.yml", no more.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

import yaml
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

REPO_ROOT = Path(__file__).resolve().parents[1]
# CI clones the repository with the shared directory beside it.
DEFAULT_ADVISORIES = REPO_ROOT.parent / "shared" / "advisories"
DEFAULT_LOCK = REPO_ROOT / "requirements.lock"
DEFAULT_ALLOWLIST = REPO_ROOT / "audit-allowlist.yml"
DEFAULT_EXTRA = REPO_ROOT / "advisories-extra.yml"
EXTRA_KEYS = ("id", "package", "affected", "fixed", "source")

_PIN = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*==\s*([^\s;#]+)")
_SNAPSHOT = re.compile(r"Snapshot commit:\s*`?([0-9a-f]{7,40})`?\s*\(([^)]+)\)")


class AuditError(Exception):
    """The audit cannot run: a missing database or an unreadable allow-list."""


@dataclass(frozen=True)
class Finding:
    package: str  # canonical name
    version: str
    id: str
    aliases: Tuple[str, ...]
    fixed: Tuple[str, ...]
    summary: str

    @property
    def names(self) -> Tuple[str, ...]:
        return (self.id, *self.aliases)


@dataclass
class Allowance:
    id: str
    package: str
    reason: str
    used: bool = field(default=False, compare=False)


def read_lock(path: Path) -> Dict[str, str]:
    """{canonical name: pinned version} from a pip requirements lock."""
    pins: Dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _PIN.match(line)
        if match:
            pins[canonicalize_name(match.group(1))] = match.group(2)
    return pins


def snapshot_of(advisories: Path) -> Tuple[str, str]:
    """(date, commit) of the snapshot, from its README."""
    readme = advisories / "README.md"
    if not readme.exists():
        return "unknown", "unknown"
    match = _SNAPSHOT.search(readme.read_text(encoding="utf-8"))
    return (match.group(2), match.group(1)) if match else ("unknown", "unknown")


def _version(text: Any) -> Optional[Version]:
    try:
        return Version(str(text))
    except InvalidVersion:
        return None


def _event_order(event: Dict[str, Any]) -> Tuple[int, Any]:
    (kind, at), *_ = event.items()
    if kind == "introduced" and str(at) == "0":
        return (0, Version("0"))
    parsed = _version(at)
    return (1, parsed) if parsed is not None else (2, Version("0"))


def in_range(version: Version, events: Sequence[Dict[str, Any]]) -> bool:
    """OSV's ECOSYSTEM range: walk the events in version order."""
    affected = False
    for event in sorted(events, key=_event_order):
        for kind, at in event.items():
            if kind == "introduced":
                start = Version("0") if str(at) == "0" else _version(at)
                if start is not None and version >= start:
                    affected = True
            elif kind == "fixed":
                end = _version(at)
                if end is not None and version >= end:
                    affected = False
            elif kind == "last_affected":
                last = _version(at)
                if last is not None and version > last:
                    affected = False
            elif kind == "limit":
                limit = _version(at)
                if limit is not None and version >= limit:
                    affected = False
    return affected


def affects(advisory: Dict[str, Any], package: str, pinned: str) -> bool:
    """Whether the advisory covers this package at this version."""
    version = _version(pinned)
    for affected in advisory.get("affected") or []:
        name = (affected.get("package") or {}).get("name", "")
        ecosystem = (affected.get("package") or {}).get("ecosystem", "PyPI")
        if ecosystem != "PyPI" or canonicalize_name(name) != package:
            continue
        listed = [str(v) for v in affected.get("versions") or []]
        if pinned in listed or (
            version is not None and version in {_version(v) for v in listed}
        ):
            return True
        if version is None:
            continue
        for spec in affected.get("ranges") or []:
            if spec.get("type") == "ECOSYSTEM" and in_range(
                version, spec.get("events") or []
            ):
                return True
    return False


def fixed_versions(advisory: Dict[str, Any], package: str) -> Tuple[str, ...]:
    fixed = []
    for affected in advisory.get("affected") or []:
        name = (affected.get("package") or {}).get("name", "")
        if canonicalize_name(name) != package:
            continue
        for spec in affected.get("ranges") or []:
            if spec.get("type") != "ECOSYSTEM":
                continue
            fixed += [str(e["fixed"]) for e in spec.get("events") or [] if "fixed" in e]
    return tuple(fixed)


def _summary(advisory: Dict[str, Any]) -> str:
    text = str(advisory.get("summary") or advisory.get("details") or "")
    text = " ".join(text.split())
    return text if len(text) <= 160 else text[:157] + "..."


def _advisory_files(advisories: Path, package: str) -> Iterable[Path]:
    vulns = advisories / "vulns"
    for directory in vulns.iterdir():
        if directory.is_dir() and canonicalize_name(directory.name) == package:
            yield from sorted(directory.glob("*.yaml"))


def audit(pins: Dict[str, str], advisories: Path) -> List[Finding]:
    if not (advisories / "vulns").is_dir():
        raise AuditError(f"no advisory database at {advisories} (vulns/ missing)")
    findings = []
    for package, version in sorted(pins.items()):
        for path in _advisory_files(advisories, package):
            advisory = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            if advisory.get("withdrawn") or not affects(advisory, package, version):
                continue
            findings.append(
                Finding(
                    package=package,
                    version=version,
                    id=str(advisory.get("id") or path.stem),
                    aliases=tuple(str(a) for a in advisory.get("aliases") or []),
                    fixed=fixed_versions(advisory, package),
                    summary=_summary(advisory),
                )
            )
    return findings


def _specifier_sets(text: str) -> List[SpecifierSet]:
    """``"<1.2 || >=2.0,<2.3"``: one SpecifierSet per range."""
    return [SpecifierSet(part.strip()) for part in text.split("||")]


def read_extra(path: Path) -> List[Dict[str, Any]]:
    """The project's own advisories (advisories-extra.yml), checked."""
    if not path.exists():
        return []
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as error:
        raise AuditError(f"{path.name} is not valid YAML: {error}") from None
    if not isinstance(entries, list):
        raise AuditError(f"{path.name} must be a list of advisories")
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict):
            raise AuditError(f"{path.name}: entry {number} is not a mapping")
        missing = [key for key in EXTRA_KEYS if not str(entry.get(key) or "").strip()]
        if missing:
            raise AuditError(
                f"{path.name}: entry {number} ({entry.get('id', '?')}) needs "
                + ", ".join(missing)
            )
        try:
            _specifier_sets(str(entry["affected"]))
        except InvalidSpecifier as error:
            raise AuditError(
                f"{path.name}: entry {number} ({entry['id']}): {error}"
            ) from None
    return entries


def audit_extra(
    pins: Dict[str, str], entries: List[Dict[str, Any]], known: Iterable[Finding]
) -> List[Finding]:
    """Findings from advisories-extra.yml that the snapshot did not already give."""
    seen = {(f.package, name) for f in known for name in f.names}
    findings = []
    for entry in entries:
        package = canonicalize_name(str(entry["package"]))
        pinned = pins.get(package)
        version = _version(pinned) if pinned else None
        if version is None:
            continue
        ranges = _specifier_sets(str(entry["affected"]))
        if not any(spec.contains(version, prereleases=True) for spec in ranges):
            continue
        aliases = tuple(str(alias) for alias in entry.get("aliases") or [])
        if any((package, name) in seen for name in (str(entry["id"]), *aliases)):
            continue
        fixed = tuple(v.strip() for v in str(entry["fixed"]).split(",") if v.strip())
        summary = " ".join(str(entry.get("summary") or "").split())
        findings.append(
            Finding(
                package=package,
                version=str(pinned),
                id=str(entry["id"]),
                aliases=aliases,
                fixed=fixed,
                summary=f"{summary} ({entry['source']})".strip(),
            )
        )
    return findings


def read_allowlist(path: Path) -> List[Allowance]:
    if not path.exists():
        return []
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as error:
        raise AuditError(f"{path.name} is not valid YAML: {error}") from None
    if isinstance(entries, dict):
        entries = entries.get("allowed") or []
    allowances = []
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict):
            raise AuditError(f"{path.name}: entry {number} is not a mapping")
        missing = [
            key
            for key in ("id", "package", "reason")
            if not str(entry.get(key) or "").strip()
        ]
        if missing:
            raise AuditError(
                f"{path.name}: entry {number} ({entry.get('id', '?')}) needs "
                + ", ".join(missing)
            )
        allowances.append(
            Allowance(
                id=str(entry["id"]).strip(),
                package=canonicalize_name(str(entry["package"])),
                reason=" ".join(str(entry["reason"]).split()),
            )
        )
    return allowances


def allowance_for(finding: Finding, allowances: List[Allowance]) -> Optional[Allowance]:
    for allowance in allowances:
        if allowance.package == finding.package and allowance.id in finding.names:
            return allowance
    return None


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/audit.py", description=__doc__)
    parser.add_argument("--lock", type=Path, default=DEFAULT_LOCK)
    parser.add_argument("--advisories", type=Path, default=DEFAULT_ADVISORIES)
    parser.add_argument("--allowlist", type=Path, default=DEFAULT_ALLOWLIST)
    parser.add_argument("--extra", type=Path, default=DEFAULT_EXTRA)
    args = parser.parse_args(argv)
    try:
        pins = read_lock(args.lock)
        allowances = read_allowlist(args.allowlist)
        extra = read_extra(args.extra)
        date, commit = snapshot_of(args.advisories)
        print(f"Advisory database: {args.advisories}")
        print(
            f"Snapshot: {date}, commit {commit}; advisories published later "
            "are not known to this audit."
        )
        print(f"Also {len(extra)} advisories from {args.extra.name}.")
        findings = audit(pins, args.advisories)
        findings += audit_extra(pins, extra, findings)
    except (AuditError, OSError) as error:
        print(f"audit: {error}", file=sys.stderr)
        return 2
    print(f"{len(pins)} pinned packages in {args.lock.name}, {len(findings)} findings.")
    open_findings = 0
    for finding in findings:
        allowance = allowance_for(finding, allowances)
        fixed = ", ".join(finding.fixed) or "no fixed version"
        aliases = f" ({', '.join(finding.aliases)})" if finding.aliases else ""
        print(f"\n{finding.package}=={finding.version}  {finding.id}{aliases}")
        print(f"  fixed in: {fixed}")
        print(f"  {finding.summary}")
        if allowance is None:
            open_findings += 1
            print(
                "  NOT ALLOWED: fix the pin or list it with a reason in "
                f"{args.allowlist.name}"
            )
        else:
            allowance.used = True
            print(f"  allowed: {allowance.reason}")
    for allowance in allowances:
        if not allowance.used:
            print(
                f"\nnote: {allowance.package} {allowance.id} in "
                f"{args.allowlist.name} no longer matches a finding"
            )
    if open_findings:
        print(f"\n{open_findings} findings not in {args.allowlist.name}.")
        return 1
    if findings:
        print(f"\nEvery finding is allowed with a reason ({len(findings)}).")
    else:
        print(f"\nNo advisory known for a locked version as of {date}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
