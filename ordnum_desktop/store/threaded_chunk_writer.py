"""The thread both trace writers write from: a queue of chunks, drained in order, its first
failure forwarded to the caller's thread.

The importer validates chunk n+1 while the writer thread writes chunk n: each engine's driver
releases the GIL while the database works (SQLite's statement, PostgreSQL's socket), so the two
overlap. The queue holds at most two chunks, so a slow database slows the parser down instead of
letting the file pile up in memory.

After a failure the thread keeps taking chunks off the queue without writing them, so that
`write` never blocks; the failure is raised by the next `write`, or by `finish`. Chunks already
queued when `close` is called are still written, and rolled back with the transaction by the
caller, which is failing: the thread has the connection to itself until it has ended, and the
caller rolls back only then.

An engine's writer subclasses `ThreadedChunkWriter`, sets up its cursor, then calls
`ThreadedChunkWriter.__init__` (which starts the thread), and gives `_write_chunk` (run on the
thread) and `_release` (run once by `close`, after the thread has ended). It may also give
`_prepare`, run by `write` on the caller's thread: what it returns is what `_write_chunk` gets.
A writer whose thread is bound by the database moves its own Python work there (PostgreSQL's
formats the COPY data), off the thread the database waits for.

With `threaded=False` there is no thread: `write` writes each chunk itself and raises its failure
at once. SQLite's writer asks for that when no core is free for the thread (a busy 2-core
machine: the parser, the writer and other programs then take turns on the cores and for the GIL,
and the thread's hand-overs only add to the time); the statements and their order are the same.
"""

from __future__ import annotations

import queue
import threading
from typing import Any, Generic, TypeVar

from ordnum_desktop.store.trace_writer import VALUES_PER_ROW, WriteCounts

# Chunks waiting for the thread: one being parsed, one being written, one waiting is enough to
# keep both busy.
QUEUED_CHUNKS = 2

# What `_prepare` makes of a chunk for `_write_chunk`: the rows themselves unless a writer says.
Chunk = TypeVar("Chunk")


class ThreadedChunkWriter(Generic[Chunk]):
    """The `TraceWriter` protocol's thread, queue, counts and error forwarding."""

    def __init__(self, thread_name: str, threaded: bool = True) -> None:
        self._queue: queue.Queue[Chunk | None] = queue.Queue(maxsize=QUEUED_CHUNKS)
        self._attempted = 0
        self._inserted = 0
        self._error: BaseException | None = None
        self._closed = False
        self._thread: threading.Thread | None = None
        if threaded:
            self._thread = threading.Thread(target=self._run, name=thread_name, daemon=True)
            self._thread.start()

    def _prepare(self, rows: list[Any]) -> Chunk:
        """The chunk as `_write_chunk` takes it, made on the caller's thread (default: the rows)."""
        return rows  # type: ignore[return-value]

    def _write_chunk(self, chunk: Chunk) -> int:
        """Writes one chunk (on the writer thread) and returns how many rows the table kept."""
        raise NotImplementedError

    def _release(self) -> None:
        """Restores the connection's settings and closes the writer's cursor (after the thread
        has ended)."""
        raise NotImplementedError

    def _run(self) -> None:
        while True:
            chunk = self._queue.get()
            if chunk is None:
                return
            if self._error is not None:
                continue  # keep draining so that `write` never blocks after a failure
            try:
                self._inserted += self._write_chunk(chunk)
            except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
                self._error = exc

    def write(self, rows: list[Any]) -> None:
        if self._error is not None:
            raise self._error
        self._attempted += len(rows) // VALUES_PER_ROW
        chunk = self._prepare(rows)
        if self._thread is None:
            self._inserted += self._write_chunk(chunk)
        else:
            self._queue.put(chunk)

    def _stop(self) -> None:
        """Waits for the thread to end; pending chunks are still written."""
        if self._thread is not None and self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()

    def finish(self) -> WriteCounts:
        self._stop()
        if self._error is not None:
            raise self._error
        return WriteCounts(self._attempted, self._inserted)

    def close(self) -> None:
        """Stops the thread, then releases the connection; idempotent."""
        if self._closed:
            return
        self._closed = True
        self._stop()
        self._release()


__all__ = ["QUEUED_CHUNKS", "ThreadedChunkWriter"]
