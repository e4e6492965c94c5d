import asyncio

import qasync


async def test_gui_tests_run_on_a_qasync_loop():
    assert isinstance(asyncio.get_running_loop(), qasync.QEventLoop)
