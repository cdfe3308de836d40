"""Correctness checks on a running cluster (scripts/cluster.sh up): what an operator relies on when instances
come and go. Each check prints PASS or FAIL with its figures; the exit code is the number of failures.

    python3 bench/cluster_checks.py [check...]     checks: failover interleave propagation irreversible

Environment: RUCHE_CLUSTER_URL (http://127.0.0.1:8090/mcp), RUCHE_CLUSTER_KEY (cluster-admin-key),
RUCHE_CLUSTER_DIR (target/cluster: the instances' pid files).
"""
import http.server
import json
import os
import signal
import subprocess
import sys
import threading
import time
import traceback
import urllib.error

from mcp_client import McpSession

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
URL = os.environ.get("RUCHE_CLUSTER_URL", "http://127.0.0.1:8090/mcp")
KEY = os.environ.get("RUCHE_CLUSTER_KEY", "cluster-admin-key")
DIR = os.environ.get("RUCHE_CLUSTER_DIR", os.path.join(ROOT, "target", "cluster"))
CLUSTER = os.path.join(ROOT, "scripts", "cluster.sh")
RUN = str(int(time.time()))  # names of this run's agents and tools, so that runs do not see each other


class InstanceSession(McpSession):
    """An MCP session through HAProxy that remembers which instance answered (X-Ruche-Instance)."""

    def __init__(self, url=URL, key=KEY):
        self.instance = None
        super().__init__(url, key)

    def _post(self, body):
        response = super()._post(body)
        self.instance = response.headers.get("X-Ruche-Instance", self.instance)
        return response

    def call(self, tool, arguments):
        """Calls a tool; when the session's instance is gone (404: another instance answered), re-initialises
        once and calls again, as an MCP client does."""
        try:
            return super().call(tool, arguments)
        except urllib.error.HTTPError as error:
            if error.code != 404:
                raise
            self.session_id = None
            self.__init__(self.url, self.key)
            return super().call(tool, arguments)


def session_on(instance=None, other_than=None):
    """A new MCP session on the given instance (or on any instance but one), by opening sessions round-robin."""
    for _ in range(12):
        session = InstanceSession()
        if (instance is None or session.instance == instance) and session.instance != other_than:
            return session
    raise RuntimeError(f"no MCP session could be opened on {instance or 'an instance other than ' + other_than}")


class Conversation:
    """One conversation (a Ruche session) carried on by a client that re-initialises when its instance is gone."""

    def __init__(self, agent, mcp=None):
        self.agent = agent
        self.mcp = mcp or InstanceSession()
        self.session = None
        self.acknowledged = []  # (turn, message) of every reply received

    def say(self, message, attempts=8):
        for attempt in range(attempts):
            arguments = {"agent": self.agent, "message": message}
            if self.session:
                arguments["session"] = self.session
            try:
                reply = self.mcp.call("converse", arguments)
            except urllib.error.HTTPError as error:
                if error.code not in (502, 503):
                    raise
                self.mcp = InstanceSession()  # the instance died while answering: re-initialise
                continue
            except (ConnectionError, urllib.error.URLError):
                self.mcp = InstanceSession()
                continue
            except RuntimeError as error:
                if "busy" not in str(error).lower() or attempt == attempts - 1:
                    raise
                continue  # another turn of this session holds its lock: retryable
            self.session = reply["session"]
            self.acknowledged.append((reply["turn"], message))
            return reply
        raise RuntimeError(f"no reply after {attempts} attempts")


def cluster(*args):
    subprocess.run([CLUSTER, *args], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def instance_pid(instance):
    with open(os.path.join(DIR, instance + ".pid")) as f:
        return int(f.read().strip())


def restart(instance):
    started = time.time()
    cluster("start", instance[1:])
    # HAProxy marks it up after two good checks two seconds apart.
    time.sleep(4.5)
    return time.time() - started


def template_rule(name, condition, text, **extra):
    rule = {"name": name, "condition": condition, "action": text, "priority": 50,
            "template": {"text": text, "mode": "exclusive"}}
    rule.update(extra)
    return rule


def support_agent(admin, name):
    admin.call("agent_upsert", {"name": name, "persona": "You are the support assistant."})
    admin.call("rule_upsert", {"agent": name, "rule": template_rule(
        "refund delay", "The customer asks how long a refund takes", "Refunds take 5 working days.")})
    admin.call("rule_upsert", {"agent": name, "rule": template_rule(
        "greeting", "The customer says hello", "Hello, how can I help?")})


def history(admin, session):
    return [(turn["turn"], turn["message"]) for turn in admin.call("session_get", {"session": session})["turns"]]


def report(name, ok, details):
    print(f"{'PASS' if ok else 'FAIL'} {name}: {details}", flush=True)
    return ok


def check_failover(admin):
    """A conversation goes on on another instance after its instance is killed; no acknowledged turn is lost."""
    agent = f"failover-{RUN}"
    support_agent(admin, agent)
    conversation = Conversation(agent)
    for _ in range(3):
        conversation.say("How long does a refund take?")
    victim = conversation.mcp.instance
    cluster("kill", victim[1:])
    killed = time.time()
    reply = conversation.say("Hello again, how long until my refund arrives?")
    took = time.time() - killed
    moved_to = conversation.mcp.instance
    for _ in range(2):
        conversation.say("And how long does a refund take?")
    stored = history(admin, conversation.session)
    restarted = restart(victim)
    ok = (moved_to != victim and reply["turn"] == 4 and stored == conversation.acknowledged
          and [t for t, _ in stored] == [1, 2, 3, 4, 5, 6])
    return report("failover", ok, f"killed {victim} after turn 3; turn 4 answered by {moved_to} {took:.2f} s later "
                  f"(re-initialised); {len(stored)} turns stored = {len(conversation.acknowledged)} acknowledged; "
                  f"{victim} back in {restarted:.1f} s")


def check_interleave(admin, rounds=10):
    """Two turns of one session sent to two instances at once run one after the other."""
    agent = f"interleave-{RUN}"
    support_agent(admin, agent)
    first = session_on()
    second = session_on(other_than=first.instance)
    a, b = Conversation(agent, first), Conversation(agent, second)
    a.say("Hello")
    b.session = a.session
    failures = []
    for k in range(rounds):
        def send(conversation, message):
            try:
                conversation.say(message)
            except Exception as error:  # reported below
                failures.append(f"{message}: {error}")
        threads = [threading.Thread(target=send, args=(a, f"How long does a refund take? (A{k})")),
                   threading.Thread(target=send, args=(b, f"How long does a refund take? (B{k})"))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    stored = history(admin, a.session)
    acknowledged = sorted(a.acknowledged + b.acknowledged)
    numbers = [t for t, _ in stored]
    ok = not failures and stored == acknowledged and numbers == list(range(1, 2 * rounds + 2))
    return report("interleave", ok, f"{rounds} pairs of concurrent turns on {first.instance} and {second.instance}: "
                  f"{len(stored)} turns stored, numbered {numbers[0]}..{numbers[-1]} without gap or repeat, each "
                  f"reply's turn number matches its message: {stored == acknowledged}; errors: {failures or 'none'}")


def check_propagation(admin, edits=5, bound=1.0):
    """A rule edited on one instance is used by a turn on another within a second."""
    agent = f"propagation-{RUN}"
    editor = session_on()
    talker = session_on(other_than=editor.instance)
    editor.call("agent_upsert", {"name": agent, "persona": "You are the support assistant."})
    rule = editor.call("rule_upsert", {"agent": agent, "rule": template_rule(
        "refund delay", "The customer asks how long a refund takes", "Version 0")})["rule"]
    Conversation(agent, talker).say("How long does a refund take?")
    delays = []
    for version in range(1, edits + 1):
        editor.call("rule_upsert", {"agent": agent, "rule": dict(template_rule(
            "refund delay", "The customer asks how long a refund takes", f"Version {version}"), id=rule["id"])})
        edited = time.time()
        while True:
            reply = Conversation(agent, talker).say("How long does a refund take?")
            if reply["response"] == f"Version {version}":
                delays.append(time.time() - edited)
                break
            if time.time() - edited > 10:
                delays.append(float("inf"))
                break
    ok = max(delays) <= bound
    return report("propagation", ok, f"{edits} edits on {editor.instance}, first turn on {talker.instance} using "
                  f"the edit after {', '.join(f'{d * 1000:.0f}' for d in delays)} ms (bound {bound * 1000:.0f} ms)")


class Bank:
    """A payment provider on loopback that counts charges; a hook runs while a charge is being made."""

    def __init__(self):
        self.charges = 0
        self.during_charge = None
        self.after_answer = None
        bank = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                bank.charges += 1
                if bank.during_charge:
                    bank.during_charge()
                body = json.dumps({"receipt": f"R-{bank.charges}"}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                self.wfile.flush()
                if bank.after_answer:
                    bank.after_answer()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/charge"


def check_irreversible(admin):
    """An irreversible tool runs once when the turn that called it is retried on another instance after kill -9:
    once with the instance killed while the tool runs, once frozen and killed right after the tool answered."""
    bank = Bank()
    tool = f"charge_card_{RUN}"
    agent = f"till-{RUN}"
    support_agent(admin, agent)
    admin.call("tool_register", {"tool": {
        "name": tool, "description": "Charges the customer's card.", "kind": "http", "target": bank.url,
        "side_effect": "irreversible", "input_schema": {"type": "object"}, "timeout_ms": 10000}})
    admin.call("tool_enable", {"agent": agent, "name": tool})
    admin.call("rule_upsert", {"agent": agent, "rule": template_rule(
        "pay", "The customer wants to pay for the bike repair by card",
        f"Payment {{{{tools.{tool}.status}}}} {{{{tools.{tool}.receipt}}}}", tools=[tool])})
    results, ok = [], True
    for moment in ("while the tool runs", "right after the tool answered"):
        conversation = Conversation(agent)
        conversation.say("Hello")
        victim = conversation.mcp.instance
        pid = instance_pid(victim)
        charges_before = bank.charges
        if moment == "while the tool runs":
            bank.during_charge, bank.after_answer = (lambda: os.kill(pid, signal.SIGKILL)), None
        else:
            bank.during_charge, bank.after_answer = None, (lambda: (os.kill(pid, signal.SIGSTOP),
                                                                   os.kill(pid, signal.SIGKILL)))
        message = "I want to pay for the bike repair by card"
        killed = time.time()
        reply = conversation.say(message)
        took = time.time() - killed
        bank.during_charge = bank.after_answer = None
        stored = history(admin, conversation.session)
        charged = bank.charges - charges_before
        restarted = restart(victim)
        passed = charged == 1 and reply["turn"] == 2 and stored == conversation.acknowledged
        ok = ok and passed
        results.append(f"killed {victim} {moment}: charged {charged}x, turn {reply['turn']} retried on "
                       f"{conversation.mcp.instance} answered '{reply['response']}' after {took:.1f} s; "
                       f"{len(stored)} turns stored; {victim} back in {restarted:.1f} s")
    bank.server.shutdown()
    return report("irreversible", ok, "; ".join(results))


CHECKS = {"interleave": check_interleave, "propagation": check_propagation, "failover": check_failover,
          "irreversible": check_irreversible}


def main():
    names = sys.argv[1:] or list(CHECKS)
    admin = InstanceSession()
    failures = 0
    for name in names:
        try:
            passed = CHECKS[name](admin)
        except Exception as error:
            traceback.print_exc()
            passed = report(name, False, f"{type(error).__name__}: {error}")
        failures += 0 if passed else 1
        admin = InstanceSession()  # its instance may have been killed
    print(f"{len(names) - failures} passed, {failures} failed")
    sys.exit(failures)


if __name__ == "__main__":
    main()
