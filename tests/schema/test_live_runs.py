"""The run a visibility class's receivers share: each waits on a future of its own."""

from __future__ import annotations

import asyncio

import pytest

from server.schema.live import _Run


def run_of(outcome: asyncio.Future[object]) -> _Run:
    run = _Run(operation=object())
    run.outcome = outcome
    return run


async def test_a_receiver_that_goes_away_cancels_neither_the_run_nor_the_others():
    outcome: asyncio.Future[object] = asyncio.get_running_loop().create_future()
    run = run_of(outcome)
    leaving = asyncio.ensure_future(run.wait())
    staying = [asyncio.ensure_future(run.wait()) for _ in range(3)]
    await asyncio.sleep(0)

    leaving.cancel()
    await asyncio.sleep(0)
    outcome.set_result("the class's result")

    assert await asyncio.gather(*staying) == ["the class's result"] * 3
    assert leaving.cancelled()
    assert not outcome.cancelled()


async def test_every_receiver_hears_of_a_run_that_failed():
    outcome: asyncio.Future[object] = asyncio.get_running_loop().create_future()
    run = run_of(outcome)
    waiters = [run.wait() for _ in range(2)]

    outcome.set_exception(RuntimeError("the run failed"))

    for waiter in waiters:
        with pytest.raises(RuntimeError, match="the run failed"):
            await waiter


async def test_a_receiver_that_comes_after_the_run_settled_still_gets_its_result():
    outcome: asyncio.Future[object] = asyncio.get_running_loop().create_future()
    run = run_of(outcome)
    first = run.wait()
    outcome.set_result(1)
    assert await first == 1

    assert await run.wait() == 1
