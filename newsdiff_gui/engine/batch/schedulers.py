"""Run the per-block function on a process pool or on Dask, results streamed.

Contract: ``run_chunks(chunks, scheduler, on_result)`` calls
``on_result(number, rows)`` in this process once for every chunk (in
completion order, each chunk numbered in the order it was given) and keeps
only a bounded number of chunks in flight, so memory stays flat however many
stories the day has.

Schedulers:

* ``local`` (default) — a ``ProcessPoolExecutor`` with one worker per core
  (``workers`` to change; ``workers=1`` runs in this process);
* ``synchronous`` / ``processes`` — Dask's single-threaded (tests,
  debugging, pdb) or multiprocessing scheduler, over ``dask.bag``;
* an address such as ``tcp://host:8786`` — a Dask distributed cluster.

Dask is an optional dependency (``newsdiff[dask]``); it is imported only
when asked for. Dask runs the chunks in waves of a few per worker: each wave
is one ``dask.bag`` computed with the chosen scheduler.

Public API: ``run_chunks``, ``SchedulerUnavailable``, ``LOCAL_SCHEDULERS``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from itertools import islice

from .blocks import BlockTask, process_chunk
from .compare import StoryRows

__all__ = ["DASK_SCHEDULERS", "SchedulerUnavailable", "run_chunks"]

DASK_SCHEDULERS = ("synchronous", "processes")
ResultHandler = Callable[[int, StoryRows], None]


class SchedulerUnavailable(Exception):
    """The scheduler asked for cannot be used (Dask missing, cluster unreachable)."""


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


def run_chunks(
    chunks: Iterable[Sequence[BlockTask]],
    scheduler: str,
    on_result: ResultHandler,
    workers: int | None = None,
) -> None:
    numbered = enumerate(chunks)
    if scheduler == "local":
        _run_local(numbered, on_result, workers or default_workers())
    else:
        _run_dask(numbered, scheduler, on_result, workers)


def _run_local(
    numbered: Iterator[tuple[int, Sequence[BlockTask]]], on_result: ResultHandler, workers: int
) -> None:
    if workers == 1:
        for number, chunk in numbered:
            on_result(number, process_chunk(chunk))
        return
    in_flight: dict[Future[StoryRows], int] = {}
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for number, chunk in numbered:
            in_flight[pool.submit(process_chunk, chunk)] = number
            if len(in_flight) >= 2 * workers:
                _drain(in_flight, on_result, FIRST_COMPLETED)
        while in_flight:
            _drain(in_flight, on_result, FIRST_COMPLETED)


def _drain(in_flight: dict[Future[StoryRows], int], on_result: ResultHandler, how: str) -> None:
    done, _ = wait(in_flight, return_when=how)
    for future in done:
        number = in_flight.pop(future)
        on_result(number, future.result())


def _run_dask(
    numbered: Iterator[tuple[int, Sequence[BlockTask]]],
    scheduler: str,
    on_result: ResultHandler,
    workers: int | None,
) -> None:
    try:
        import dask
        import dask.bag as db
    except ImportError:
        raise SchedulerUnavailable("Dask is not installed (pip install 'newsdiff[dask]')") from None
    client = None
    if scheduler in DASK_SCHEDULERS:
        target: object = scheduler
        slots = workers or default_workers()
    else:
        try:
            from distributed import Client
        except ImportError:
            raise SchedulerUnavailable(
                "a Dask cluster needs dask.distributed (pip install 'newsdiff[dask]')"
            ) from None
        try:
            client = Client(scheduler, timeout=20)
        except (OSError, TimeoutError, ValueError) as error:
            raise SchedulerUnavailable(
                f"cannot reach the Dask scheduler {scheduler}: {error}"
            ) from None
        target = client
        slots = max(1, sum(client.nthreads().values()))
    try:
        wave_size = 4 * slots
        while True:
            wave = list(islice(numbered, wave_size))
            if not wave:
                break
            bag = db.from_sequence([chunk for _, chunk in wave], partition_size=1)
            options = {"num_workers": slots} if scheduler == "processes" else {}
            (results,) = dask.compute(  # type: ignore[attr-defined]
                bag.map(process_chunk), scheduler=target, **options
            )
            for (number, _), rows in zip(wave, results, strict=True):
                on_result(number, rows)
    finally:
        if client is not None:
            client.close()
