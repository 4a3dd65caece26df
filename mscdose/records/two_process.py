"""A large store's records walked on both cores: this process and one helper process take turns over id spans.

Why (issue 18): `audit verify` and `export --csv` at 100,000 records are CPU work in SQLite (reading and
parsing about 860 MB of JSON documents), in hashing and in Python, one record after another. One Python
process uses one core whatever it does (a second thread was measured: the GIL made it slower, see
benchmarks/README.md); a second process uses the other core (about 1.5x the work here: benchmarks/two_cores.py).
`ordered_results` (export, history): spans alternate (this process the 1st, 3rd, ..., the helper the 2nd, 4th,
...) and results come back in id order, so the caller consumes them exactly as it would its own, holding at
most two spans' results: memory stays flat. `Background` (verify): the helper walks a list of spans while
this process does other work, and hands back their small results together.

Why this can never change a result:
- the helper runs the SAME module-level function on the same span of the same file, opened read-only;
- every row of a span (`lo <= id <= hi`, `hi` taken by the caller in its own snapshot) was already saved
  when the caller began: records and print events are append-only (schema triggers), so both processes read
  the same rows whatever is saved meanwhile (a job must bound any other table it reads by ids the caller
  took, see csv_export.SPAN_SELECT);
- anything that goes wrong with the helper (it cannot start, as in a frozen build without its run-time hook
  packaging/rth_helper_process.py, it dies, its job raises, it gives no answer within HELPER_TIMEOUT_S)
  and this process computes that span itself, so the caller sees what one process would have given,
  including the same error;
- below PARALLEL_FROM records (or with MSCDOSE_HELPER_PROCESS=off) there is no helper at all.
Tests: tests/records/test_two_process.py (results equal with and without the helper, with a failing helper).
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

T = TypeVar("T")
Span = tuple[Any, ...]  # what a job reads: (first id, last id) inclusive, and any bounds it needs
Job = Callable[[Any, Span], T]

PARALLEL_FROM = 20_000  # records: below, starting a second Python (about 0.1-0.2 s) costs more than it saves
# records a turn: small enough for flat memory (a few MB of rows and text), large enough that a turn's
# overhead is nothing
SPAN = 2_000
HELPER_TIMEOUT_S = 600.0  # one span's answer; far beyond any real span, only a hung helper reaches it
ENVIRONMENT = "MSCDOSE_HELPER_PROCESS"  # "off": never a helper; a number: records from which one is used

log = logging.getLogger(__name__)


class Reading(NamedTuple):
    """What a job reads with: an SQLite connection, the store's `get(record_id)` (None when unused) and its
    path (for messages)."""

    conn: Any
    get: Callable[[int], Any] | None
    path: Path | None = None


def parallel_from(environ: dict[str, str] | os._Environ[str] = os.environ) -> int | None:
    """Records from which a helper process is used; None: never (MSCDOSE_HELPER_PROCESS=off, or not a number)."""
    said = environ.get(ENVIRONMENT, "").strip().lower()
    if not said:
        return PARALLEL_FROM
    if said.isdigit():
        return int(said)
    return None  # "off", or anything that is not a count: the one-process way, which is never wrong


def id_spans(conn: Any, table: str = "records", size: int | None = None) -> list[Span]:
    """The table's ids (its INTEGER PRIMARY KEY) cut into spans of about `size` rows: (first id, last id)
    inclusive, in order, together covering every id from the table's smallest to its largest.

    Where to cut is read from the ids as the query planner lists them (a covering index when there is one: no
    table page is read, 30-40 ms at 100,000 records against 190-210 ms for the table's 864 MB, issue 18), but the
    spans are bounded by the smallest and largest id read from the table itself and each span reaches to the
    next one's first id: a row an index does not list (a damaged store) is still in a span, and read from the
    table; only the spans' sizes depend on the index. Cut at ids, not at every `size`-th number, so a damaged
    store with gaps or huge ids still gives spans of rows."""
    size = size or SPAN
    low, high = conn.execute(f"SELECT (SELECT min(id) FROM {table}), (SELECT max(id) FROM {table})").fetchone()
    if low is None:
        return []
    ids = sorted(rid for (rid,) in conn.execute(f"SELECT id FROM {table}"))
    starts = [low]
    for rid in ids[size::size]:
        if starts[-1] < rid <= high:
            starts.append(rid)
    return [(first, following - 1) for first, following in itertools.pairwise(starts)] + [(starts[-1], high)]


def _open_store(path: str) -> Any:
    """The helper's own read-only store; refused (the caller computes everything) if its schema is not current,
    since then the caller reads a copy migrated in memory that the helper cannot share."""
    from mscdose.records.store import RecordStore

    store = RecordStore.open_read_only(path, anchor_file=None)
    if store.migrated_in_memory:
        store.close()
        raise RuntimeError("the store's schema is older than this mscdose; read in one process")
    return store


def _serve(pipe: Any, path: str) -> None:
    """The helper's loop: (job, span) in, ("ok", result) or ("error", text) out, until None or the pipe ends."""
    store = None
    try:
        while True:
            asked = pipe.recv()
            if asked is None:
                return
            job, span = asked
            try:
                if store is None:
                    store = _open_store(path)
                pipe.send(("ok", job(Reading(store._conn, store.get, store.path), span)))
            except Exception as error:  # the caller computes this span itself and meets the error there
                pipe.send(("error", f"{type(error).__name__}: {error}"))
    except (EOFError, OSError, KeyboardInterrupt):
        return
    finally:
        if store is not None:
            with contextlib.suppress(Exception):
                store.close()


class _Helper:
    """One spawned helper process (spawn, never fork: the caller may hold Qt, threads or an open database)."""

    def __init__(self, path: Path) -> None:
        import multiprocessing  # here: about 12 ms (socket, pickle) that every other use of the store never needs

        context = multiprocessing.get_context("spawn")
        self.pipe, theirs = context.Pipe()
        self.process = context.Process(target=_serve, args=(theirs, str(path)), daemon=True,
                                       name="mscdose-records-helper")
        self.process.start()
        theirs.close()
        self.busy = False
        self.answered = 0  # spans (or span lists) the helper has answered
        self.problem = ""  # why it stopped helping, if it did

    def give(self, job: Callable[..., Any], span: Span) -> bool:
        try:
            self.pipe.send((job, span))
        except (OSError, ValueError) as error:
            self.problem = f"it could not be given work ({type(error).__name__}: {error})"
            return False
        self.busy = True
        return True

    def take(self) -> tuple[bool, Any]:
        """(True, result) or (False, None) when the helper failed, died or gave no answer in time."""
        self.busy = False
        try:
            if not self.pipe.poll(HELPER_TIMEOUT_S):
                self.problem = f"it gave no answer in {HELPER_TIMEOUT_S:.0f} s"
                return False, None
            status, value = self.pipe.recv()
        except (EOFError, OSError, ValueError) as error:
            self.problem = f"it ended without an answer ({type(error).__name__}: {error})"
            return False, None
        if status != "ok":
            self.problem = f"its work failed ({value})"
            return False, None
        self.answered += 1
        return True, value

    def stop(self) -> None:
        """Ends the helper: asked to stop when idle; killed when busy (its work is no longer wanted, and it
        only reads). The log says what it did, and why it stopped helping if it failed."""
        if self.problem:
            log.warning("A helper process stopped helping after %d answer(s): %s. This process did the rest "
                        "itself; the result is the same.", self.answered, self.problem)
        else:
            log.info("A helper process answered %d time(s).", self.answered)
        if self.busy:
            self.process.kill()
        else:
            with contextlib.suppress(OSError, ValueError):
                self.pipe.send(None)
        with contextlib.suppress(OSError, ValueError):
            self.pipe.close()
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=5)


def start_helper(path: Path) -> _Helper | None:
    try:
        return _Helper(path)
    except Exception as error:  # no helper (no process could be started here): one process does everything
        log.warning("No helper process could be started (%s: %s); this process does all the work, with the "
                    "same result.", type(error).__name__, error)
        return None


def ordered_results(path: Path, job: Job[T], context: Reading, all_spans: Sequence[Span], *,
                    helper: bool = True) -> Iterator[T]:
    """`job(context, span)` of every span, in order; with `helper`, every other span is computed by a helper
    process on its own read-only opening of `path` while this process computes the one before. `job` must be
    a module-level function (the helper imports it by name) that depends only on the span and the file."""
    found = start_helper(path) if helper and len(all_spans) > 1 else None
    try:
        if found is not None and not found.give(job, all_spans[1]):
            found.stop()
            found = None
        for index in range(0, len(all_spans), 2):
            mine = job(context, all_spans[index])
            theirs_span = all_spans[index + 1] if index + 1 < len(all_spans) else None
            theirs: tuple[bool, Any] = (False, None)
            if theirs_span is not None and found is not None:
                theirs = found.take()
                following = all_spans[index + 3] if index + 3 < len(all_spans) else None
                if not theirs[0] or (following is not None and not found.give(job, following)):
                    found.stop()  # from here on this process computes every span
                    found = None
            yield mine
            if theirs_span is not None:
                yield theirs[1] if theirs[0] else job(context, theirs_span)
    finally:
        if found is not None:
            found.stop()


def each_span(reading: Reading, asked: tuple[Job[Any], Sequence[Span]]) -> list[Any]:
    """The helper's side of `Background`: the job of every span asked, in order."""
    job, all_spans = asked
    return [job(reading, span) for span in all_spans]


class Background:
    """`job` of every span walked by a helper process in the background, all at once (its results come back
    together: for jobs with small results, as verify's hashes are). `results` gives them in order, computing
    them in this process when there is no helper or it failed; `stop` ends the helper if they are not wanted."""

    def __init__(self, path: Path, job: Job[Any], all_spans: Sequence[Span]) -> None:
        self.job, self.spans = job, list(all_spans)
        self.helper = start_helper(path)
        if self.helper is not None and not self.helper.give(each_span, (job, self.spans)):
            self.stop()

    def results(self, context: Reading) -> list[Any]:
        if self.helper is not None:
            answered, value = self.helper.take()
            self.stop()
            if answered and isinstance(value, list) and len(value) == len(self.spans):
                return value
        return [self.job(context, span) for span in self.spans]

    def stop(self) -> None:
        if self.helper is not None:
            self.helper.stop()
            self.helper = None
