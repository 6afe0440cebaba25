"""A throwaway PostgreSQL cluster for tests, started by the test suite itself.

`initdb` and `pg_ctl` come from PATH or Debian's `/usr/lib/postgresql/*/bin` (package
`postgresql`). The server refuses to run as root, so when the tests run as root the cluster is
made and started as an unprivileged user (`postgres` if it exists, else `nobody`), with its data
and socket directory owned by that user. It listens on a Unix socket in its own temporary
directory only (no TCP port to collide with), needs passwords (scram-sha-256), and runs in a
non-UTC time zone so that time-zone mistakes show.

Fixtures (imported into tests/conftest.py):
- `postgres_server` (session): the running `PostgresServer`, with fsync off (it is thrown
  away; the server-crash test and bench/bench_team_load.py start durable clusters).
- `pg_url`: a fresh, empty database on it, owned by the non-superuser role `team_owner`
  (LOGIN CREATEROLE), as a `postgresql+psycopg://` URL: what a manager would use.
- `fresh_project_url`: parametrized over sqlite and postgresql; an empty SQLite file URL or a
  fresh PostgreSQL database URL. Use it to run a store test on both backends.

Without the binaries the PostgreSQL tests skip with the reason; with CI=true they fail instead.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import secrets
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest

OWNER = "team_owner"  # the manager role that owns test databases (not a superuser)
TIME_ZONE = "Asia/Riyadh"  # UTC+3: a timestamp stored without its zone would shift
_database_numbers = itertools.count(1)


def find_postgres_bin() -> Path | None:
    """The folder holding initdb and pg_ctl: PATH first, then Debian's versioned folders."""
    initdb = shutil.which("initdb")
    if initdb and shutil.which("pg_ctl"):
        return Path(initdb).resolve().parent
    candidates = glob.glob("/usr/lib/postgresql/*/bin/initdb")

    def version(path: str) -> tuple[int, ...]:
        number = Path(path).parts[-3]
        return tuple(int(part) for part in number.split(".") if part.isdigit())

    for initdb in sorted(candidates, key=version, reverse=True):
        folder = Path(initdb).parent
        if (folder / "pg_ctl").exists():
            return folder
    return None


def _unprivileged_user() -> pwd.struct_passwd | None:
    """Who runs the server: None when we are not root (the server runs as us)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise RuntimeError("running as root and neither user postgres nor nobody exists")


@dataclass
class PostgresServer:
    bindir: Path
    base: Path  # temporary folder: data/, the socket, the log
    password: str  # of the superuser `postgres` and of OWNER
    user: pwd.struct_passwd | None
    port: int = 5432  # only names the socket file; nothing listens on TCP
    durable: bool = True  # fsync on; off for the test suite's shared cluster (see below)

    @property
    def data(self) -> Path:
        return self.base / "data"

    @property
    def log(self) -> Path:
        return self.base / "server.log"

    def url(self, database: str = "postgres", user: str = "postgres",
            password: str | None = None) -> str:
        secret = quote(self.password if password is None else password, safe="")
        return (f"postgresql+psycopg://{quote(user, safe='')}:{secret}@/{database}"
                f"?host={self.base}&port={self.port}")

    def owner_url(self, database: str) -> str:
        return self.url(database, OWNER)

    # ------------------------------------------------------------------ running the server
    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run a PostgreSQL program as the server's user (captured; raises on failure)."""
        options: dict[str, object] = {}
        if self.user is not None:
            options = {"user": self.user.pw_uid, "group": self.user.pw_gid, "extra_groups": []}
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8",
               "HOME": str(self.base)}
        result = subprocess.run([str(self.bindir / args[0]), *args[1:]], cwd=self.base, env=env,
                                capture_output=True, text=True, timeout=120, **options)  # type: ignore[call-overload]
        if result.returncode != 0:
            raise RuntimeError(f"{args[0]} failed ({result.returncode}): {result.stderr.strip()}"
                               f"\n{self.log.read_text() if self.log.exists() else ''}")
        return result

    def init(self) -> None:
        pwfile = self.base / "pwfile"
        pwfile.write_text(self.password + "\n")
        self._own(pwfile)
        self.run("initdb", "-D", str(self.data), "-U", "postgres", "--pwfile", str(pwfile),
                 "--auth", "scram-sha-256", "-E", "UTF8", "--locale", "C.UTF-8", "--no-sync")
        pwfile.unlink()

    def start(self) -> None:
        options = (f"-k {self.base} -p {self.port} -c listen_addresses='' "
                   f"-c max_connections=60 -c shared_buffers=32MB -c timezone={TIME_ZONE}")
        if not self.durable:  # commits still reach the OS before they return
            options += " -c fsync=off -c full_page_writes=off"
        self.run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.log),
                 "-w", "-t", "60", "start")

    def stop(self, mode: str = "fast") -> None:
        """Stop the server; mode `immediate` is a crash (recovery runs at the next start)."""
        self.run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def _own(self, path: Path) -> None:
        if self.user is not None:
            os.chown(path, self.user.pw_uid, self.user.pw_gid)

    # ------------------------------------------------------------------ databases
    def admin(self, statement: str, database: str = "postgres") -> None:
        """Run one statement as the superuser, outside a transaction."""
        import psycopg

        with psycopg.connect(host=str(self.base), port=self.port, user="postgres",
                             password=self.password, dbname=database, autocommit=True) as conn:
            conn.execute(statement)  # type: ignore[arg-type]

    def create_database(self, owner: str = OWNER) -> str:
        name = f"test_{os.getpid()}_{next(_database_numbers)}"
        self.admin(f'CREATE DATABASE "{name}" OWNER "{owner}" TEMPLATE template0')
        return name


def start_server(durable: bool = True) -> PostgresServer:
    """A new cluster. DURABLE=False skips fsync (commits still go to the operating system
    before they return, so a killed client or server loses nothing; a power cut could): the
    shared test cluster runs so, being thrown away, and it stops without a checkpoint."""
    bindir = find_postgres_bin()
    assert bindir is not None
    user = _unprivileged_user()
    base = Path(tempfile.mkdtemp(prefix="annotator-pg-"))
    base.chmod(0o755)
    server = PostgresServer(bindir, base, secrets.token_hex(12), user, durable=durable)
    server._own(base)
    try:
        server.init()
        server.start()
        server.admin(f"CREATE ROLE {OWNER} LOGIN CREATEROLE PASSWORD '{server.password}'")
    except BaseException:
        shutil.rmtree(base, ignore_errors=True)
        raise
    return server


def require_postgres() -> None:
    """Skip (or, in CI, fail) when the PostgreSQL server programs are not installed."""
    if find_postgres_bin() is not None:
        return
    reason = ("PostgreSQL server programs (initdb, pg_ctl) not found on PATH or in "
              "/usr/lib/postgresql/*/bin; install Debian's `postgresql` package")
    ci = os.environ.get("CI", "")
    if ci.lower() in ("true", "1"):
        pytest.fail(f"CI={ci} but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    require_postgres()
    server = start_server(durable=False)
    try:
        yield server
    finally:
        try:
            server.stop("immediate")  # thrown away: no shutdown checkpoint to wait for
        finally:
            shutil.rmtree(server.base, ignore_errors=True)


@contextmanager
def scratch_database(server: PostgresServer) -> Iterator[str]:
    """A fresh database for one test, dropped afterwards (its files never pile up on disk)."""
    name = server.create_database()
    try:
        yield server.owner_url(name)
    finally:
        server.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_url(postgres_server: PostgresServer) -> Iterator[str]:
    """A fresh, empty database owned by the manager role OWNER."""
    with scratch_database(postgres_server) as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def fresh_project_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Where to create a project: an empty SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'project.db'}"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    with scratch_database(server) as url:
        yield url
