"""Fixtures for agent tests: an in-process app with a test brain, reachable through httpx."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from agent.service import create_app
from tests.agent.brains import EchoBrain

TOKEN = "s3cret-token"


@pytest.fixture
def brain() -> EchoBrain:
    return EchoBrain()


@pytest.fixture
async def client(brain: EchoBrain) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(brain, agent_name="echo-test")
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://agent") as c:
        yield c


@pytest.fixture
async def auth_client(brain: EchoBrain) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(brain, agent_name="echo-test", token=TOKEN)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://agent") as c:
        yield c
