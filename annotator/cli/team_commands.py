"""annotator team add-user | remove-user | list | blind | sync | whoami (team projects)."""

from __future__ import annotations

import argparse
import getpass

from annotator.cli.common import open_project, print_json
from annotator.core.model import Role


def register(subparsers: argparse._SubParsersAction) -> None:
    team = subparsers.add_parser(
        "team", help="team members, their database roles and blind mode (PostgreSQL)",
        description="Run as the owner of the project database (a role with CREATEROLE that "
        "created it). See docs/TEAM.md.")
    commands = team.add_subparsers(dest="team_command", metavar="TEAM_COMMAND", required=True)

    add = commands.add_parser("add-user", help="add a member (creates their database role)")
    add.add_argument("project", help="project URL (or file)")
    add.add_argument("name", help="the member's name in the project")
    add.add_argument("--role", choices=[r.value for r in Role], default=Role.ANNOTATOR.value)
    add.add_argument("--db-role", help="the PostgreSQL role to log in as (default: NAME)")
    secret = add.add_mutually_exclusive_group()
    secret.add_argument("--password", help="password for the role (default for a new role: "
                        "generated and printed once)")
    secret.add_argument("--ask-password", action="store_true", help="prompt for the password")
    add.set_defaults(run=run_add)

    remove = commands.add_parser("remove-user", help="take a member's access away (keeps "
                                 "their annotations)")
    remove.add_argument("project")
    remove.add_argument("name")
    remove.add_argument("--drop-role", action="store_true", help="also drop the database role")
    remove.set_defaults(run=run_remove)

    listing = commands.add_parser("list", help="members, roles and database roles")
    listing.add_argument("project")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(run=run_list)

    blind = commands.add_parser("blind", help="turn blind mode on or off")
    blind.add_argument("project")
    blind.add_argument("state", choices=["on", "off"])
    blind.set_defaults(run=run_blind)

    sync = commands.add_parser("sync", help="re-grant the team's access (after an upgrade, "
                               "a restore or a copy)")
    sync.add_argument("project")
    sync.set_defaults(run=run_sync)

    whoami = commands.add_parser("whoami", help="the member this connection logs in as")
    whoami.add_argument("project")
    whoami.set_defaults(run=run_whoami)


def run_add(args: argparse.Namespace) -> int:
    from annotator.app.team import add_member

    password = args.password
    if args.ask_password:
        password = getpass.getpass(f"Password for {args.db_role or args.name}: ")
    with open_project(args.project) as project:
        added = add_member(project, args.name, Role(args.role), args.db_role, password)
    member = added.member
    where = f" as database role {member.db_role}" if member.db_role else ""
    print(f"{'Added' if added.role_created or not member.db_role else 'Mapped'} "
          f"{member.name} ({member.role}){where}")
    if added.role_created and not args.password and not args.ask_password:
        print(f"Password (shown once; pass it on privately): {added.password}")
    return 0


def run_remove(args: argparse.Namespace) -> int:
    from annotator.app.team import remove_member

    with open_project(args.project) as project:
        member = remove_member(project, args.name, args.drop_role)
    print(f"Removed {member.name}'s access" + (f" (role {member.db_role}"
          + (" dropped)" if args.drop_role else " kept)") if member.db_role else "")
          + "; their annotations stay in the project")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from annotator.app.team import members

    with open_project(args.project) as project:
        found = members(project)
        blind = project.info().blind
    if args.json:
        print_json({"blind": blind, "members": [
            {"name": m.name, "role": m.role.value, "db_role": m.db_role} for m in found]})
        return 0
    print(f"Blind mode: {'on' if blind else 'off'}")
    for m in found:
        print(f"  {m.name:<20} {m.role.value:<10} {m.db_role or '-'}")
    return 0


def run_blind(args: argparse.Namespace) -> int:
    from annotator.app.team import set_blind

    with open_project(args.project) as project:
        set_blind(project, args.state == "on")
    print(f"Blind mode {args.state}")
    return 0


def run_sync(args: argparse.Namespace) -> int:
    from annotator.app.team import sync

    with open_project(args.project) as project:
        synced = sync(project)
    print(f"Granted the team's access again; {len(synced)} member role(s) joined their groups")
    return 0


def run_whoami(args: argparse.Namespace) -> int:
    from annotator.app.team import current_member

    with open_project(args.project) as project:
        member = current_member(project)
    if member is None:
        print("This connection is not mapped to a team member (the owner, or a SQLite file)")
        return 0
    print(f"{member.name} ({member.role.value}), database role {member.db_role}")
    return 0
