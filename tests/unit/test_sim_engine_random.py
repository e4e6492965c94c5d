"""Random call histories against the engine: invariants hold and refused requests change nothing.

Hypothesis drives one demo engine on a ManualClock with random requests, control actions and clock
steps. After every step: each live session is in a settled active state, every leg shows one of the
12 spec strings, list.calls agrees with the snapshot, and a request answered with an error left the
snapshot exactly as it was.
"""

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from callpad.clock import ManualClock
from callpad.sim.engine import CallEngine
from callpad.sim.rpc_error import RpcFault
from callpad.sim.scenario import demo_scenario
from callpad.sim.spec import spec

SETTLED_ACTIVE = {
    "SESSION",
    "TALK",
    "WAITING_INPUT",
    "DIALING",
    "TRANSFER_PENDING",
    "OPERATOR_TALK",
    "CALL_COACH",
}
HOLD = {"type": "media", "value": "4410"}
START = {
    "first_call": "employee",
    "employee": {"id": 3141},
    "contact": "79161234567",
    "virtual_phone_number": "74951112233",
}
REQUESTS: list[tuple[str, dict[str, Any]]] = [
    ("start.employee_call", START),
    ("start.employee_call", {**START, "first_call": "contact", "direction": "out"}),
    ("start.employee_call", {**START, "contact": "79035550002"}),  # never answers
    ("hold.call", {"contact_message": HOLD}),
    ("unhold.call", {}),
    ("make.call", {"to": "0215"}),
    ("make.call", {"to": "79035550001"}),  # busy
    ("transfer.talk", {}),
    ("restore.talk", {}),
    ("add.coach", {}),
    ("record.call", {"action": "on"}),
    ("record.call", {"action": "off"}),
    ("tag.call", {"tag_id": 771}),
    ("block.contact", {}),
    ("send.dtmf", {"dtmf_string": "3"}),
    ("send.dtmf", {"dtmf_string": "9"}),
    ("call.talk_option", {"button": "1"}),
    ("call.talk_option", {"button": "2"}),
    ("call.talk_option", {"button": "5"}),
    ("call.talk_option", {"button": "6"}),
    ("call.talk_option", {"button": "7"}),
    ("release.call", {}),
]
PARTIES = ["A", "B", "C", "coach"]

step = st.one_of(
    st.tuples(st.just("advance"), st.sampled_from([0.3, 1.0, 3.0, 4.0, 7.0, 30.0])),
    st.tuples(st.just("request"), st.integers(0, len(REQUESTS) - 1)),
    st.tuples(st.just("disconnect"), st.sampled_from(PARTIES)),
    st.tuples(
        st.just("leg"),
        st.tuples(st.sampled_from(PARTIES), st.sampled_from(["answer", "reject", "hangup"])),
    ),
    st.tuples(st.just("incoming"), st.just(0)),
)


def latest(engine: CallEngine) -> dict[str, Any] | None:
    sessions = engine.snapshot()["sessions"]
    return sessions[-1] if sessions else None


def check_invariants(engine: CallEngine) -> None:
    snap = engine.snapshot()
    leg_states = set(spec()["leg_states"])
    listed = engine.handle("list.calls", {}, engine.scenario.users[0])
    assert [r["call_session_id"] for r in listed] == [
        s["call_session_id"] for s in snap["sessions"]
    ]
    for s in snap["sessions"]:
        assert s["state"] in SETTLED_ACTIVE, s
        assert all(leg["state"] in leg_states for leg in s["legs"]), s
        operators = [leg for leg in s["legs"] if leg["is_operator"]]
        assert len(operators) <= 1, s
        roles = [leg["role"] for leg in s["legs"]]
        assert roles.count("A") <= 1, s
        assert roles.count("B") <= 1, s
        assert roles.count("C") <= 1, s
        if s["state"] in {"DIALING", "TRANSFER_PENDING", "OPERATOR_TALK"}:
            assert "C" in roles, s
        if s["state"] == "TRANSFER_PENDING":
            assert "B" not in roles, s


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(step, min_size=1, max_size=40))
def test_random_histories_keep_the_invariants(steps):
    clock = ManualClock()
    engine = CallEngine(demo_scenario(), clock)
    user = engine.scenario.users[0]
    for kind, arg in steps:
        engine.advance()
        before = engine.snapshot()
        current = latest(engine)
        try:
            if kind == "advance":
                clock.advance(arg)
            elif kind == "incoming":
                engine.create_incoming_call("79167654321", "74951112233", 3141)
            elif kind == "request":
                method, params = REQUESTS[arg]
                if not method.startswith("start."):
                    sid = current["call_session_id"] if current else 1
                    params = {"call_session_id": sid, **params}
                engine.handle(method, params, user)
            elif current is not None:
                leg = next((x for x in current["legs"] if x["role"] == arg[0]), None)
                if kind == "disconnect" and leg is not None:
                    engine.handle(
                        "disconnect.leg",
                        {"call_session_id": current["call_session_id"], "leg_id": leg["leg_id"]},
                        user,
                    )
                elif kind == "leg" and leg is not None:
                    engine.leg_action(leg["leg_id"], arg[1])
        except RpcFault:
            assert engine.snapshot() == before  # a refused request changes nothing
        except ValueError:
            assert engine.snapshot() == before  # a refused control action too
        check_invariants(engine)
