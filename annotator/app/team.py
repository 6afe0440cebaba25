"""Team projects: members and their roles, blind mode, and who may see whose work.

The use-cases behind `annotator team ...`, the app's identity on a team server and the team
views. The database roles, grants and row-level security they rely on are the store's
(`store.team`, `store.visibility`); on a SQLite project only the member rows exist.
"""

from __future__ import annotations

from annotator.app.project import Project
from annotator.core.changes import ProjectChanges
from annotator.core.model import Role
from annotator.store import team, visibility
from annotator.store.team import AddedMember, TeamMember
from annotator.store.visibility import VisibleAnnotation

__all__ = ["AddedMember", "TeamMember", "VisibleAnnotation", "add_member", "current_member",
           "members", "remove_member", "require_sees_everyone", "sees_everyone", "set_blind",
           "sync", "viewer_role", "visible_annotations"]


def members(project: Project) -> list[TeamMember]:
    return team.members(project.store)


def current_member(project: Project) -> TeamMember | None:
    """The team member this connection's database role is (None on SQLite)."""
    return team.current_member(project.store)


def add_member(project: Project, name: str, role: Role, db_role: str | None = None,
               password: str | None = None) -> AddedMember:
    """Add NAME (or change their role) and, on PostgreSQL, create or map their database role
    (see `store.team.add_member`)."""
    return team.add_member(project.store, name, role, db_role, password)


def remove_member(project: Project, name: str, drop_role: bool = False) -> TeamMember:
    return team.remove_member(project.store, name, drop_role)


def set_blind(project: Project, blind: bool) -> ProjectChanges:
    team.set_blind(project.store, blind)
    return ProjectChanges(project=True)


def sync(project: Project) -> list[TeamMember]:
    return team.sync(project.store)


def viewer_role(project: Project, viewer: str) -> Role:
    return visibility.viewer_role(project.store, viewer)


def sees_everyone(project: Project, viewer: str) -> bool:
    """Whether VIEWER may see colleagues' annotations (not blind, or a curator or manager)."""
    return visibility.sees_everyone(project.store, viewer)


def require_sees_everyone(project: Project, viewer: str) -> None:
    visibility.require_sees_everyone(project.store, viewer)


def visible_annotations(project: Project, doc_id: int, viewer: str) -> list[VisibleAnnotation]:
    """The annotations of DOC_ID that VIEWER may see, by annotator (the gold set last)."""
    return visibility.visible_annotations(project.store, doc_id, viewer)
