"""The agent service through the real app, in-process (httpx ASGITransport)."""

from __future__ import annotations

import json

import httpx

from agent import protocol as p
from agent.check import FAITHFUL, OTHER_GAME, TRAITOR, check_agent
from agent.service import create_app
from tests.agent.brains import CrashBrain, EchoBrain
from tests.agent.conftest import TOKEN


def _json(model: p.Request) -> dict[str, object]:
    return json.loads(model.model_dump_json())


async def _init(client: httpx.AsyncClient, scene=FAITHFUL, headers=None) -> None:
    r = await client.post("/initialize", json=_json(scene.initialize()), headers=headers)
    assert r.status_code == 200, r.text


async def test_health_reveals_no_role(client: httpx.AsyncClient) -> None:
    await _init(client, TRAITOR)
    r = await client.get("/health")
    assert r.status_code == 200
    assert r.json() == {"status": "ok", "agent_name": "echo-test", "protocol_version": "1.0"}
    assert "traitor" not in r.text.lower()


async def test_every_endpoint_answers(client: httpx.AsyncClient) -> None:
    await _init(client, TRAITOR)
    st = TRAITOR.state()
    bodies: dict[str, p.Request] = {
        "vote": p.VoteRequest(game_state=st, eligible_targets=TRAITOR.alive_others),
        "reflect": p.ReflectRequest(game_state=st, events=["x"]),
        "choose_murder_victim": p.MurderRequest(game_state=st),
        "choose_recruit_target": p.GameStateRequest(game_state=st),
        "decide_recruitment": p.RecruitmentRequest(game_state=st),
        "vote_to_end": p.GameStateRequest(game_state=st),
        "share_or_steal": p.GameStateRequest(game_state=st),
        "choose_seer_target": p.GameStateRequest(game_state=st),
        "seer_result": p.SeerResultRequest(target_player_id="player_00", true_role="FAITHFUL"),
        "create_death_list": p.DeathListRequest(game_state=st, num_candidates=2),
        "discuss": p.DiscussRequest(game_state=st),
    }
    implemented = {"vote", "reflect", "choose_murder_victim", "vote_to_end"}
    for name, body in bodies.items():
        r = await client.post(f"/{name}", json=_json(body))
        if name in implemented:
            assert r.status_code == 200, (name, r.text)
            p.ENDPOINTS[name].response.model_validate(r.json())
        else:
            assert r.status_code == 501, (name, r.text)
            assert name in r.json()["detail"]
    r = await client.get("/get_suspicions")
    assert r.status_code == 200
    assert set(r.json()["suspicions"]) == set(TRAITOR.alive_others)


async def test_murder_victim_is_not_a_fellow_traitor(client: httpx.AsyncClient) -> None:
    await _init(client, TRAITOR)
    r = await client.post(
        "/choose_murder_victim", json=_json(p.MurderRequest(game_state=TRAITOR.state()))
    )
    assert r.json()["target_player_id"] not in {TRAITOR.pid(i) for i in TRAITOR.traitors}


async def test_decisions_before_initialize_are_409(client: httpx.AsyncClient) -> None:
    body = p.VoteRequest(game_state=FAITHFUL.state(), eligible_targets=FAITHFUL.alive_others)
    r = await client.post("/vote", json=_json(body))
    assert r.status_code == 409
    assert "initialize" in r.json()["detail"]
    assert (await client.get("/get_suspicions")).status_code == 409


async def test_request_for_another_player_is_409(client: httpx.AsyncClient) -> None:
    await _init(client, FAITHFUL)
    body = p.VoteRequest(game_state=TRAITOR.state(), eligible_targets=TRAITOR.alive_others)
    r = await client.post("/vote", json=_json(body))
    assert r.status_code == 409
    assert "your_player_id" in r.json()["detail"]


async def test_malformed_request_422_names_the_field(client: httpx.AsyncClient) -> None:
    await _init(client)
    body = _json(p.VoteRequest(game_state=FAITHFUL.state(), eligible_targets=["player_02"]))
    body["game_state"]["day"] = "tuesday"  # type: ignore[index]
    r = await client.post("/vote", json=body)
    assert r.status_code == 422
    locs = [e["loc"] for e in r.json()["detail"]]
    assert ["body", "game_state", "day"] in locs
    r = await client.post("/vote", json={"game_state": _json(FAITHFUL.state())})
    assert r.status_code == 422
    assert ["body", "eligible_targets"] in [e["loc"] for e in r.json()["detail"]]
    r = await client.post("/vote", content=b"{nope", headers={"content-type": "application/json"})
    assert r.status_code == 422


async def test_extra_fields_are_rejected(client: httpx.AsyncClient) -> None:
    body = _json(FAITHFUL.initialize())
    body["surprise"] = 1
    r = await client.post("/initialize", json=body)
    assert r.status_code == 422
    assert ["body", "surprise"] in [e["loc"] for e in r.json()["detail"]]


async def test_reinitialize_resets(client: httpx.AsyncClient, brain: EchoBrain) -> None:
    await _init(client, FAITHFUL)
    await client.post(
        "/reflect", json=_json(p.ReflectRequest(game_state=FAITHFUL.state(), events=[]))
    )
    assert brain.reflections == 1
    await _init(client, OTHER_GAME)
    assert brain.reflections == 0
    r = await client.get("/get_suspicions")
    assert r.json() == {"player_id": OTHER_GAME.pid(OTHER_GAME.me), "suspicions": {}}


async def test_auth_required_on_every_endpoint(auth_client: httpx.AsyncClient) -> None:
    assert (await auth_client.get("/health")).status_code == 401
    assert (await auth_client.get("/openapi.json")).status_code == 401
    bearer = {"Authorization": f"Bearer {TOKEN}"}
    assert (await auth_client.get("/health", headers=bearer)).status_code == 200
    body = _json(FAITHFUL.initialize())
    r = await auth_client.post("/initialize", json=body)
    assert r.status_code == 401
    assert r.headers["www-authenticate"] == "Bearer"
    r = await auth_client.post("/initialize", json=body, headers={"Authorization": "Bearer nope"})
    assert r.status_code == 401
    r = await auth_client.post(
        "/initialize", json=body, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert r.status_code == 200
    assert (await auth_client.get("/get_suspicions")).status_code == 401


async def test_brain_bug_is_500_and_agent_survives() -> None:
    app = create_app(CrashBrain(), agent_name="crash")
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://a") as c:
        await _init(c)
        body = p.VoteRequest(game_state=FAITHFUL.state(), eligible_targets=FAITHFUL.alive_others)
        r = await c.post("/vote", json=_json(body))
        assert r.status_code == 500
        assert "RuntimeError" in r.json()["detail"]
        assert (await c.get("/health")).status_code == 200


async def test_openapi_is_the_contract(client: httpx.AsyncClient) -> None:
    spec = (await client.get("/openapi.json")).json()
    for ep in p.ENDPOINTS.values():
        op = spec["paths"][ep.path][ep.method.lower()]
        if ep.request is not None:
            ref = op["requestBody"]["content"]["application/json"]["schema"]["$ref"]
            assert ref.endswith(ep.request.__name__)
        assert ep.response.__name__ in json.dumps(op["responses"]["200"])


async def test_conformance_check_passes_in_process(auth_client: httpx.AsyncClient) -> None:
    rows = await check_agent("http://agent", TOKEN, client=auth_client)
    failed = [r for r in rows if r.status == "fail"]
    assert not failed, failed
    statuses = {r.check: r.status for r in rows}
    assert statuses["traitor: choose_murder_victim"] == "pass"
    assert statuses["traitor: share_or_steal"] == "not_implemented"
    assert statuses["auth: wrong token refused"] == "pass"


async def test_conformance_check_catches_a_broken_agent() -> None:
    class Cheat(EchoBrain):
        async def vote(self, req: p.VoteRequest) -> p.TargetResponse:
            return p.TargetResponse(target_player_id=req.game_state.your_player_id)

        async def get_suspicions(self) -> p.SuspicionsResponse:
            return p.SuspicionsResponse(player_id="x", suspicions={"nobody": 7.0})

    app = create_app(Cheat(), agent_name="cheat")
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://a") as c:
        rows = await check_agent("http://a", client=c)
    failed = {r.check for r in rows if r.status == "fail"}
    assert {"faithful: vote", "faithful: get_suspicions", "traitor: vote"} <= failed
