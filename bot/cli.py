"""`python -m bot export|stats|purge|db upgrade|users|mail`: the store from a shell."""

from __future__ import annotations

import argparse
import getpass
import io
import sys
from collections import Counter
from datetime import timedelta
from typing import Callable, List, Optional, Sequence, Tuple

from sqlalchemy.exc import SQLAlchemyError

from bot.export import WRITERS
from bot.log_ids import log_id
from bot.settings import Settings, load_settings
from bot.store.models import ROLES, RefinedRequest, utcnow
from bot.store.retention import parse_period, purge_before
from bot.store.session import (
    SessionFactory,
    UnitOfWork,
    session_factory,
    shown_url,
    sqlite_path,
    without_password,
)

Command = Callable[[argparse.Namespace, Settings], int]
NO_CATEGORY = "(none)"


def shown(database_url: str) -> str:
    return shown_url(database_url)


def readable_store(database_url: str) -> Optional[SessionFactory]:
    """The store's session factory, or None (with a message) when nothing is stored.

    Never creates the database: reading must not leave an empty file behind.
    """
    path = sqlite_path(database_url)
    if path is not None and not path.exists():
        print(f"No database at {path} yet, so no requests stored.", file=sys.stderr)
        return None
    factory = session_factory(database_url)
    with UnitOfWork(factory) as uow:
        if not uow.requests.exists():
            print(
                f"No {RefinedRequest.__tablename__} table in {shown(database_url)} "
                "yet, so no requests stored. Create it with: python -m bot db upgrade",
                file=sys.stderr,
            )
            return None
    return factory


def utf8_stdout() -> None:
    # Dutch text must not depend on the terminal's locale; csv writes its own \r\n.
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(encoding="utf-8", newline="")


def export(args: argparse.Namespace, settings: Settings) -> int:
    factory = readable_store(settings.database_url)
    if factory is None:
        return 0
    utf8_stdout()
    with UnitOfWork(factory) as uow:
        WRITERS[args.format](uow.requests.list_all(), sys.stdout)
    return 0


def stats_table(counts: List[Tuple[Optional[str], str, int]]) -> str:
    """Requests per need category (rows) and status (columns), with totals."""
    cells: Counter = Counter()
    by_category: Counter = Counter()
    by_status: Counter = Counter()
    for category, status, count in counts:
        name = category or NO_CATEGORY
        cells[name, status] += count
        by_category[name] += count
        by_status[status] += count
    statuses = [status for status, _ in by_status.most_common()]
    table = [["need_category", *statuses, "total"]]
    for name, total in by_category.most_common():
        table.append([name, *(str(cells[name, s]) for s in statuses), str(total)])
    totals = [str(by_status[s]) for s in statuses]
    table.append(["total", *totals, str(sum(by_status.values()))])
    return "\n".join(_aligned(table))


def _aligned(table: List[List[str]]) -> List[str]:
    """Names left-aligned, numbers right-aligned, two spaces between columns."""
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    return [
        "  ".join(
            cell.ljust(width) if i == 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        )
        for row in table
    ]


def stats(args: argparse.Namespace, settings: Settings) -> int:
    factory = readable_store(settings.database_url)
    if factory is None:
        return 0
    with UnitOfWork(factory) as uow:
        counts = uow.requests.counts_by_category_and_status()
    print(stats_table(counts) if counts else "No requests stored yet.")
    return 0


def purge(args: argparse.Namespace, settings: Settings) -> int:
    if args.older_than is None:
        period = timedelta(days=settings.retention_days)
    else:
        try:
            period = parse_period(args.older_than)
        except ValueError as error:
            # Before the database is opened: a mistyped period erases nothing.
            print(f"purge --older-than: {error}", file=sys.stderr)
            return 2
    factory = readable_store(settings.database_url)
    if factory is None:
        return 0
    cutoff = utcnow() - period
    with UnitOfWork(factory) as uow:
        totals = purge_before(uow, cutoff)
        uow.commit()
    print(
        f"Purged {totals['conversations']} conversations idle since before "
        f"{cutoff:%Y-%m-%d %H:%M} UTC: {totals['refined_requests']} requests, "
        f"{totals['events']} transcript events."
    )
    return 0


def log_id_command(args: argparse.Namespace, settings: Settings) -> int:
    print(log_id(args.conversation_id))
    return 0


def db_upgrade(args: argparse.Namespace, settings: Settings) -> int:
    # Alembic is only loaded for the one command that needs it.
    from bot.store.migrate import current_revision, upgrade

    upgrade(settings.database_url)
    revision = current_revision(settings.database_url)
    print(f"{shown(settings.database_url)} is at revision {revision}.")
    return 0


def read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    password = getpass.getpass("Wachtwoord: ")
    if getpass.getpass("Nogmaals: ") != password:
        raise ValueError("The passwords differ.")
    return password


def users(args: argparse.Namespace, settings: Settings) -> int:
    # Loaded for this command only: argon2 and the review app's rules.
    from bot.review.accounts import AccountError, add_user, set_active, set_password

    factory = session_factory(settings.database_url)
    try:
        with UnitOfWork(factory) as uow:
            if args.users_command == "add":
                user = add_user(uow, args.username, read_password(args), args.role)
                message = f"Added {user.role} {user.username!r}."
            elif args.users_command == "list":
                for user in uow.users.list_all():
                    state = "active" if user.active else "disabled"
                    print(f"{user.username}\t{user.role}\t{state}")
                return 0
            elif args.users_command == "password":
                user = set_password(uow, args.username, read_password(args))
                message = f"New password for {user.username!r}; its sessions ended."
            else:
                active = args.users_command == "enable"
                user = set_active(uow, args.username, active)
                message = f"{user.username!r} is {'enabled' if active else 'disabled'}."
            uow.commit()
    except (AccountError, ValueError) as error:
        print(error, file=sys.stderr)
        return 1
    print(message)
    return 0


def mail(args: argparse.Namespace, settings: Settings) -> int:
    """The mail worker (bot/notify/worker.py) until Ctrl-C or SIGTERM."""
    import logging
    import signal
    import threading

    from bot.notify.smtp import MailConfigError, parse_smtp_url
    from bot.notify.worker import POLL_S, run

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    if not settings.smtp_url:
        print("SMTP_URL is not set: no mail worker.", file=sys.stderr)
        return 1
    try:
        server = parse_smtp_url(settings.smtp_url)
    except MailConfigError as error:
        print(error, file=sys.stderr)
        return 1
    stop = threading.Event()
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: stop.set())
    print(f"Mail worker: {server!r}, links to {settings.review_url}", file=sys.stderr)
    run(settings, stop, poll_s=args.poll or POLL_S)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="Vraagwijzer's store. The database comes from DATABASE_URL.",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    export_parser = commands.add_parser("export", help="print every stored request")
    export_parser.add_argument("--format", choices=sorted(WRITERS), default="jsonl")
    export_parser.set_defaults(run=export)

    stats_parser = commands.add_parser(
        "stats", help="requests per need category and status"
    )
    stats_parser.set_defaults(run=stats)

    purge_parser = commands.add_parser(
        "purge",
        help="erase conversations (transcript and request) idle for longer than "
        "the retention period",
    )
    purge_parser.add_argument(
        "--older-than",
        metavar="PERIOD",
        help="e.g. 180d, 26w or 12h; default RETENTION_DAYS days (180)",
    )
    purge_parser.set_defaults(run=purge)

    log_id_parser = commands.add_parser(
        "log-id", help="the name the logs give a conversation (a keyed hash)"
    )
    log_id_parser.add_argument("conversation_id")
    log_id_parser.set_defaults(run=log_id_command)

    db_parser = commands.add_parser("db", help="database schema")
    db_commands = db_parser.add_subparsers(dest="db_command", required=True)
    upgrade_parser = db_commands.add_parser("upgrade", help="apply the migrations")
    upgrade_parser.set_defaults(run=db_upgrade)

    users_parser = commands.add_parser("users", help="accounts of the review app")
    users_commands = users_parser.add_subparsers(dest="users_command", required=True)
    add_parser = users_commands.add_parser("add", help="create an account")
    add_parser.add_argument("username")
    add_parser.add_argument("--role", choices=ROLES, default="coordinator")
    add_parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of stdin instead of a prompt",
    )
    password_parser = users_commands.add_parser(
        "password", help="set a new password (ends the account's sessions)"
    )
    password_parser.add_argument("username")
    password_parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of stdin instead of a prompt",
    )
    for name, text in (
        ("disable", "lock an account out"),
        ("enable", "let a disabled account in again"),
    ):
        users_commands.add_parser(name, help=text).add_argument("username")
    users_commands.add_parser("list", help="every account with role and state")
    users_parser.set_defaults(run=users)

    mail_parser = commands.add_parser(
        "mail", help="send the coordinators' notification mails (needs SMTP_URL)"
    )
    mail_parser.add_argument(
        "--poll", type=float, metavar="SECONDS", help="seconds between rounds"
    )
    mail_parser.set_defaults(run=mail)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    settings = load_settings()
    run: Command = args.run
    try:
        return run(args, settings)
    except SQLAlchemyError as error:
        where = shown(settings.database_url)
        reason = without_password(str(error), settings.database_url)
        print(f"Database error ({where}): {reason}", file=sys.stderr)
        return 1
