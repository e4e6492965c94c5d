import asyncio
import sys


async def test_core_tests_run_on_plain_asyncio_without_qt_loop():
    loop = asyncio.get_running_loop()
    assert type(loop).__module__.startswith("asyncio")
    assert "qasync" not in type(loop).__module__
    assert sys.version_info >= (3, 11)
