"""The agent service: one brain behind every endpoint of the protocol (FastAPI).

Routes are generated from `agent.protocol.ENDPOINTS`, with the wire models as request
and response models, so `/openapi.json` is the contract.

Status codes: 401 without the bearer token (when one is set), 409 for a decision asked
before `/initialize` or for another player, 422 for a malformed body (FastAPI names the
field in `detail[].loc`) or a request that leaves no legal choice (`NoLegalChoice`),
501 for an optional endpoint the brain does not answer, 500 only for a genuine brain
bug (logged, the agent keeps serving).

Auth: when started with a token, every endpoint, `/health` and `/openapi.json`
included, refuses a call without `Authorization: Bearer <token>`; the runtimes'
readiness probes send it too.
"""

# No `from __future__ import annotations` here: FastAPI must see the request model
# classes themselves in the generated handlers' signatures, not strings.

import hmac
import inspect
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.types import ASGIApp, Receive, Scope, Send

from agent import protocol as p
from agent.brains.base import Brain
from agent.errors import NoLegalChoice, NotImplementedDecision

log = logging.getLogger(__name__)

_JSON = "application/json"


class BearerAuth:
    """Pure ASGI middleware: 401 for any call without the bearer token."""

    def __init__(self, app: ASGIApp, token: str) -> None:
        self.app = app
        self.expected = f"Bearer {token}".encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = b""
        for key, value in scope["headers"]:
            if key == b"authorization":
                given = value
                break
        if hmac.compare_digest(given, self.expected):
            await self.app(scope, receive, send)
            return
        response = JSONResponse(
            {"detail": "missing or wrong bearer token"},
            status_code=401,
            headers={"WWW-Authenticate": "Bearer"},
        )
        await response(scope, receive, send)


class AgentState:
    """The little the service itself must remember: who this agent plays in this game."""

    def __init__(self) -> None:
        self.player_id: str | None = None
        self.game_id: str | None = None


def _json(model: BaseModel, status: int = 200) -> Response:
    return Response(model.model_dump_json(), status_code=status, media_type=_JSON)


def _error(status: int, detail: Any) -> Response:
    return JSONResponse({"detail": detail}, status_code=status)


async def _answer(brain: Brain, ep: p.Endpoint, *args: Any) -> Response:
    """Ask the brain; map its refusals and bugs onto status codes."""
    method: Callable[..., Awaitable[BaseModel]] = getattr(brain, ep.name)
    try:
        result = await method(*args)
    except NotImplementedDecision as exc:
        return _error(501, f"{ep.name} is not implemented by this agent: {exc}")
    except NoLegalChoice as exc:  # the request itself leaves no legal answer: bad input
        return _error(422, f"{ep.name}: {exc}")
    except Exception as exc:  # a brain bug must not take the agent down
        log.exception("brain %s failed on %s", brain.name, ep.name)
        return _error(500, f"brain error in {ep.name}: {type(exc).__name__}: {exc}")
    if not isinstance(result, ep.response):
        log.error("brain %s returned %r on %s", brain.name, type(result).__name__, ep.name)
        return _error(500, f"brain returned {type(result).__name__}, not {ep.response.__name__}")
    return _json(result)


def _not_ready(state: AgentState, ep: p.Endpoint, body: BaseModel | None) -> Response | None:
    """409 when a decision comes before /initialize or names another player."""
    if state.player_id is None:
        return _error(409, f"{ep.path} called before /initialize")
    game_state = getattr(body, "game_state", None)
    if isinstance(game_state, p.GameState) and game_state.your_player_id != state.player_id:
        return _error(
            409,
            f"game_state.your_player_id {game_state.your_player_id!r} is not this agent's "
            f"player {state.player_id!r}",
        )
    return None


def _initialize_handler(brain: Brain, state: AgentState) -> Callable[..., Awaitable[Response]]:
    async def initialize(body: p.InitializeRequest) -> Response:
        state.player_id = None  # a failed initialize leaves the agent uninitialized
        response = await _answer(brain, p.ENDPOINTS["initialize"], body)
        if response.status_code == 200:
            state.player_id, state.game_id = body.player.id, body.game_id
        return response

    return initialize


def _post_handler(
    brain: Brain, state: AgentState, ep: p.Endpoint
) -> Callable[..., Awaitable[Response]]:
    async def handler(body: BaseModel) -> Response:
        refused = _not_ready(state, ep, body)
        return refused if refused is not None else await _answer(brain, ep, body)

    # Give FastAPI the real request model so it validates the body and documents it.
    param = inspect.Parameter(
        "body", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=ep.request
    )
    handler.__signature__ = inspect.Signature([param], return_annotation=Response)  # type: ignore[attr-defined]
    handler.__name__ = ep.name
    return handler


def _get_handler(
    brain: Brain, state: AgentState, ep: p.Endpoint
) -> Callable[..., Awaitable[Response]]:
    async def handler() -> Response:
        refused = _not_ready(state, ep, None)
        return refused if refused is not None else await _answer(brain, ep)

    handler.__name__ = ep.name
    return handler


_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": p.ErrorResponse, "description": "missing or wrong bearer token"},
    409: {"model": p.ErrorResponse, "description": "not initialized, or another player"},
    501: {"model": p.ErrorResponse, "description": "optional endpoint not implemented"},
}


def create_app(brain: Brain, *, agent_name: str, token: str | None = None) -> FastAPI:
    """A FastAPI app serving `brain` over every endpoint in `ENDPOINTS`."""
    app = FastAPI(title=f"TraitorSim agent {agent_name}", version=p.PROTOCOL_VERSION)
    state = AgentState()
    app.state.agent = state
    health = p.HealthResponse(agent_name=agent_name)

    async def get_health() -> Response:
        return _json(health)

    for ep in p.ENDPOINTS.values():
        handler: Callable[..., Awaitable[Response]]
        if ep.name == "health":
            handler = get_health
        elif ep.name == "initialize":
            handler = _initialize_handler(brain, state)
        elif ep.request is None:
            handler = _get_handler(brain, state, ep)
        else:
            handler = _post_handler(brain, state, ep)
        app.add_api_route(
            ep.path,
            handler,
            methods=[ep.method],
            response_model=ep.response,
            responses=_ERRORS,
            name=ep.name,
            summary=f"{ep.name} ({'required' if ep.required else 'optional'})",
        )
    app.add_exception_handler(Exception, _unexpected)
    if token:
        app.add_middleware(BearerAuth, token=token)
    return app


async def _unexpected(request: Request, exc: Exception) -> Response:
    log.exception("unexpected error on %s", request.url.path)
    return _error(500, f"internal error: {type(exc).__name__}")
