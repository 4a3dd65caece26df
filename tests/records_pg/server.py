"""A throw-away PostgreSQL server for the tests and the benchmark: initdb in a temporary folder, loopback only.

Why like this: the tests must run on a developer's machine with nothing but the PostgreSQL binaries, and in
CI as root (initdb refuses root, so the server runs as the `postgres` user, created if absent). It listens
on 127.0.0.1 on a free port and on a socket in its own folder, never on the machine's default port, so it
cannot meet a real database. Passwords are required over TCP (scram-sha-256), as a clinic server would.
Databases are made from a template that already holds the mscdose schema, one per test.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

SUPERUSER_PASSWORD = "throwaway-superuser"
APP_PASSWORD = "throwaway-app"
TEMPLATE = "mscdose_template"


class ServerUnavailable(Exception):
    """PostgreSQL cannot be started here (no binaries, no psycopg, initdb failed): the reason, one line."""


def find_binary(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if candidates:
        return candidates[-1]
    raise ServerUnavailable(f"`{name}` was not found on PATH or in /usr/lib/postgresql/*/bin "
                            "(install PostgreSQL: apt-get install postgresql)")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ThrowawayServer:
    def __init__(self, *, durable: bool = False) -> None:
        try:
            import psycopg  # noqa: F401
        except ImportError:
            raise ServerUnavailable("psycopg is not installed (pip install 'psycopg[binary]')") from None
        self.initdb, self.pg_ctl = find_binary("initdb"), find_binary("pg_ctl")
        self.as_root = os.geteuid() == 0
        if self.as_root:
            _ensure_postgres_user()
        self.folder = Path(tempfile.mkdtemp(prefix="mscdose-pg-", dir=_scratch_parent(durable)))
        self.data, self.sockets, self.log = self.folder / "data", self.folder / "sockets", self.folder / "server.log"
        self.port = _free_port()
        self.durable = durable
        self.counter = 0
        try:
            self._init()
            self._start_on_a_free_port()
            self._bootstrap()
        except BaseException:
            self.destroy()
            raise

    # -- running the binaries as the right user ------------------------------------------------------------

    def _run(self, *argv: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        command = ["runuser", "-u", "postgres", "--", *argv] if self.as_root else list(argv)
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=self.folder, check=False)
        if done.returncode != 0:
            tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
            raise ServerUnavailable(f"{Path(argv[0]).name} failed: {' / '.join(tail)}")
        return done

    def _init(self) -> None:
        self.sockets.mkdir()
        password_file = self.folder / "pw"
        password_file.write_text(SUPERUSER_PASSWORD + "\n")
        if self.as_root:
            user = pwd.getpwnam("postgres")
            for path in (self.folder, self.sockets, password_file):
                os.chown(path, user.pw_uid, user.pw_gid)
        self.folder.chmod(0o700)
        self._run(self.initdb, "-D", str(self.data), "-U", "postgres", "-E", "UTF8", "--no-locale",
                  "--auth-local=trust", "--auth-host=scram-sha-256", f"--pwfile={password_file}",
                  *([] if self.durable else ["--no-sync"]))
        password_file.unlink()

    def start(self) -> None:
        options = (f"-c listen_addresses=127.0.0.1 -p {self.port} -c unix_socket_directories={self.sockets} "
                   "-c max_connections=60 -c shared_buffers=32MB"
                   + ("" if self.durable else " -c fsync=off -c full_page_writes=off"))
        self._run(self.pg_ctl, "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60", "-o", options, "start")

    def _start_on_a_free_port(self, attempts: int = 3) -> None:
        """Under pytest-xdist each worker starts its own server: two may pick the same free port at once."""
        for attempt in range(attempts):
            try:
                self.start()
                return
            except ServerUnavailable:
                if attempt == attempts - 1:
                    raise
                self.port = _free_port()

    def stop(self, mode: str = "fast") -> None:
        """`immediate` is a crash as far as clients can tell: every connection drops at once."""
        self._run(self.pg_ctl, "-D", str(self.data), "-m", mode, "-w", "stop")

    def restart(self) -> None:
        self.stop("immediate")
        self.start()

    def destroy(self) -> None:
        with contextlib.suppress(ServerUnavailable, subprocess.SubprocessError, OSError):
            if (self.data / "postmaster.pid").exists():
                self.stop("immediate")
        shutil.rmtree(self.folder, ignore_errors=True)

    # -- databases ---------------------------------------------------------------------------------------

    def url(self, database: str = "postgres", user: str = "postgres", password: str = SUPERUSER_PASSWORD) -> str:
        return f"postgresql://{user}:{password}@127.0.0.1:{self.port}/{database}"

    def admin(self, sql: str, database: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as conn:
            conn.execute(sql)  # type: ignore[arg-type]

    def _bootstrap(self) -> None:
        from mscdose.records.postgres.ddl import APP_ROLE, OWNER_ROLE, roles_sql, schema_sql

        self.admin(roles_sql())
        self.admin(f"ALTER ROLE {APP_ROLE} PASSWORD '{APP_PASSWORD}'")
        self.admin(f"CREATE DATABASE {TEMPLATE} OWNER {OWNER_ROLE}")
        self.admin(schema_sql(), TEMPLATE)

    def new_database(self, *, with_schema: bool = True) -> str:
        """A fresh database (the mscdose schema in it unless `with_schema` is False); the app role's URL."""
        from mscdose.records.postgres.ddl import APP_ROLE, OWNER_ROLE

        self.counter += 1
        name = f"t{self.counter}"
        template = TEMPLATE if with_schema else "template0"
        self.admin(f"CREATE DATABASE {name} TEMPLATE {template} OWNER {OWNER_ROLE} STRATEGY FILE_COPY")
        self.admin(f"GRANT CONNECT ON DATABASE {name} TO {APP_ROLE}")
        return self.url(name, APP_ROLE, APP_PASSWORD)

    def drop_database(self, url: str) -> None:
        """Drop a test's database when the test is done (its ~230 files would otherwise all wait for destroy()).
        A server stopped by a fault test is left alone: destroy() removes everything anyway."""
        import psycopg

        name = url.rsplit("/", 1)[1]
        with contextlib.suppress(psycopg.Error):
            self.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _scratch_parent(durable: bool) -> str | None:
    """/dev/shm (memory) for a throw-away server when the machine has it, else the usual temporary folder.

    Why: every test database is a copy of the template, about 230 files; on a disk mounted with `discard`
    removing the server's ~17,000 files at the end of the session took 12 s of the suite's wall time (issue 9).
    A durable server (the benchmark's) stays on disk: its point is the real cost of a synced commit."""
    shared_memory = Path("/dev/shm")
    if not durable and shared_memory.is_dir() and os.access(shared_memory, os.W_OK | os.X_OK):
        return str(shared_memory)
    return None


def _ensure_postgres_user() -> None:
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"],
                       check=True, capture_output=True)
