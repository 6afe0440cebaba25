"""The throwaway PostgreSQL cluster: found, started unprivileged, and never silently skipped in CI."""

from __future__ import annotations

import os

import pg_server
import pytest


def test_missing_binaries_skip_on_a_desktop_and_fail_in_ci(monkeypatch):
    monkeypatch.setattr(pg_server, "find_postgres_bin", lambda: None)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="initdb, pg_ctl"):
        pg_server.require_postgres()
    for value in ("true", "TRUE", "1"):
        monkeypatch.setenv("CI", value)
        with pytest.raises(pytest.fail.Exception, match="CI=.* but PostgreSQL server programs"):
            pg_server.require_postgres()


@pytest.mark.postgres
def test_the_cluster_runs_unprivileged_on_its_own_socket(postgres_server):
    import psycopg

    assert (postgres_server.bindir / "initdb").exists()
    with psycopg.connect(host=str(postgres_server.base), port=postgres_server.port,
                         user="postgres", password=postgres_server.password,
                         dbname="postgres") as conn:
        assert conn.execute("SHOW listen_addresses").fetchone() == ("",)
        assert conn.execute("SHOW synchronous_commit").fetchone() == ("on",)
    if os.geteuid() == 0:
        assert postgres_server.user is not None
        assert os.stat(postgres_server.data).st_uid == postgres_server.user.pw_uid != 0
