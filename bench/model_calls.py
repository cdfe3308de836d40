"""Model calls per `converse` turn on the model path (bench/model-calls.sh runs it).

    python3 bench/model_calls.py fake PORT [violation_percent=10]
        a fake OpenAI-compatible chat-completions server: answers every kind of request the brain sends,
        counts them per kind (GET /stats)
    python3 bench/model_calls.py drive MCP_URL KEY FAKE_URL CONFIG OUT.json
        defines the agent for CONFIG (default, rule_filter, judge, all) over MCP, plays the scripted
        conversations, prints the calls per turn and writes them to OUT.json
    python3 bench/model_calls.py report OUT.json...
        one summary table over the configurations

The fake classifies a request by its system prompt (the brain's prompts: ModelFieldExtraction, RuleFilter,
ModelTransitionJudge, LanguageModelJudge, Prompts.withViolations; anything else is a generation). A draft
breaks the CEL constraint `!response.contains("guarantee")` when a hash of (kind, last message) falls under
violation_percent: the same turns break in every configuration, and a regeneration breaks independently.
"""
import hashlib
import json
import re
import statistics
import sys
import threading
import urllib.request
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from mcp_client import McpSession

KINDS = ["generation", "regeneration", "field_extraction", "rule_filter", "transition", "judge"]

# ---------------------------------------------------------------------------------------------- fake model

WORD = re.compile(r"[a-z0-9]+")
STOP = {"the", "and", "for", "about", "asks", "customer", "wants", "with", "that", "this", "their", "they", "what",
        "when", "your", "from", "have", "would", "like", "want", "does", "there", "which", "will", "into", "some"}


def words(text):
    return {w[:5] for w in WORD.findall(text.lower()) if len(w) >= 3 and w not in STOP}


def overlap(a, b):
    return len(words(a) & words(b))


def under(percent, *parts):
    digest = hashlib.sha256("|".join(parts).encode()).digest()
    return int.from_bytes(digest[:4], "big") % 100 < percent


CITIES = ["Lyon", "Paris", "Marseille", "Lille", "Nantes", "Bordeaux", "Toulouse"]


def extract_field(name, message):
    if name == "full_name":
        m = re.search(r"(?:my name is|i am|i'm)\s+([A-Z][a-z]+(?: [A-Z][a-z]+)?)", message, re.I)
        return m.group(1) if m else None
    if name in ("city", "locker_city"):
        return next((c for c in CITIES if c.lower() in message.lower()), None)
    if name == "street":
        m = re.search(r"\b(\d+,? (?:rue|avenue|boulevard|place|street|road) [\w' -]+?)(?:[,.]|$| in )", message, re.I)
        return m.group(1) if m else None
    if name == "reason":
        return message if len(message.split()) >= 4 and not message.rstrip().endswith("?") else None
    return None


class FakeModel:

    def __init__(self, violation_percent):
        self.violation_percent = violation_percent
        self.lock = threading.Lock()
        self.counts = Counter()
        self.broken = Counter()  # drafts that break the CEL constraint, per kind

    def answer(self, body):
        messages = body.get("messages", [])
        system = next((m["content"] for m in messages if m["role"] == "system"), "")
        user = [m["content"] for m in messages if m["role"] == "user"]
        last = user[-1] if user else ""
        if system.startswith("You extract data from a customer's message"):
            kind = "field_extraction"
            fields = re.findall(r"(?m)^- ([a-z_][a-z0-9_]*): ", last)
            message = last.split("\nMessage: ", 1)[-1]
            text = "\n".join(f"{f}={v}" for f in fields if (v := extract_field(f, message)))
            text = text or "none"
        elif system.startswith("You check which rules of a conversational agent apply"):
            kind = "rule_filter"
            message = last.split("\n", 1)[0]
            lines = []
            for number, rule in re.findall(r"(?m)^(\d+)\. When (.+?): ", last):
                shared = overlap(message, rule)
                lines.append(f"{number} " + ("APPLIES 0.9" if shared >= 2 else "UNSURE 0.5" if shared == 1
                                             else "NOT_RELATED 0.85"))
            text = "\n".join(lines) or "none"
        elif system.startswith("A conversation follows a scenario"):
            kind = "transition"
            message = last.split("\n", 1)[0]
            conditions = re.findall(r"(?m)^(\d+)\. (.+)$", last)
            best = max(conditions, key=lambda c: overlap(message, c[1]), default=None)
            text = best[0] if best and overlap(message, best[1]) > 0 else "0"
        elif system.startswith("You are a compliance judge"):
            kind = "judge"
            rules = re.findall(r"(?m)^(\d+)\. ", last.split("\nReply:", 1)[0])
            text = "\n".join(f"{n}: PASS" for n in rules) or "PASS"
        else:
            kind = "regeneration" if "Your previous reply was rejected" in system else "generation"
            text = self.reply(system, last, kind)
        with self.lock:
            self.counts[kind] += 1
            if "guarantee" in text:
                self.broken[kind] += 1
        return text

    def reply(self, system, message, kind):
        rule = re.search(r"(?m)^1\. When .+?: (.+)$", system)
        ask = re.search(r"(?m)^Ask for: (.+)$", system)
        parts = ["Thanks for your message."]
        if rule:
            parts.append(f"Following our policy: {rule.group(1).rstrip('.')}.")
        if ask:
            parts.append(f"Could you give me your {ask.group(1).split(', ')[0].replace('_', ' ')}?")
        if not rule and not ask:
            parts.append("I can help with orders, deliveries, returns and your account.")
        if under(self.violation_percent, kind, message):
            parts.append("I guarantee it will be sorted out today.")
        return " ".join(parts)

    def stats(self):
        with self.lock:
            return {"counts": dict(self.counts), "broken": dict(self.broken)}


def serve_fake(port, violation_percent):
    fake = FakeModel(violation_percent)

    class Handler(BaseHTTPRequestHandler):

        def log_message(self, *args):
            pass

        def _send(self, status, payload):
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            self._send(200, fake.stats()) if self.path == "/stats" else self._send(404, {})

        def do_POST(self):
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
            if not self.path.endswith("/chat/completions"):
                return self._send(404, {"error": {"message": "not found"}})
            text = fake.answer(body)
            self._send(200, {"id": "chatcmpl-bench", "object": "chat.completion", "created": 1700000000,
                             "model": body.get("model", "fake"),
                             "choices": [{"index": 0, "message": {"role": "assistant", "content": text,
                                                                  "refusal": None},
                                          "logprobs": None, "finish_reason": "stop"}],
                             "usage": {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120}})

    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()


# ---------------------------------------------------------------------------------------------- the agent

NO_GUARANTEE = '!response.contains("guarantee")'

RULES = [
    ("opening-hours", "The customer asks when the shop is open", "Give the opening hours",
     {"template": {"text": "We are open Tuesday to Saturday, 9am to 6pm.", "mode": "exclusive"}}),
    ("refund-delay", "The customer asks how long a refund takes", "Say refunds arrive within 5 working days "
     "after we receive the item", {"relations": [{"kind": "depends_on", "rule": "return-policy"}]}),
    ("return-policy", "The customer asks whether or how they can return an item",
     "Explain the 30-day free return policy", {}),
    ("shipping-cost", "The customer asks how much delivery costs", "Standard delivery is 4.90 EUR, free above 50 EUR",
     {}),
    ("delivery-time", "The customer asks when their order will arrive", "Say standard delivery takes 2 to 4 working "
     "days; never promise a date", {"relations": [{"kind": "implies", "rule": "no-guarantees"}]}),
    ("order-tracking", "The customer wants to track a parcel or asks where their order is",
     "Ask for the order number and give the tracking link", {}),
    ("payment-methods", "The customer asks which payment methods are accepted",
     "List card, PayPal and bank transfer", {}),
    ("payment-declined", "The customer's card payment was declined or failed",
     "Suggest checking the card limit or another payment method",
     {"relations": [{"kind": "implies", "rule": "payment-methods"}]}),
    ("size-guide", "The customer asks which size to choose", "Point to the size guide and offer free exchanges", {}),
    ("warranty", "The customer asks about the warranty of a product", "Explain the 2-year legal warranty",
     {"relations": [{"kind": "implies", "rule": "no-guarantees"}]}),
    ("damaged-item", "The customer received a damaged or broken item", "Apologise and offer a replacement or refund",
     {"relations": [{"kind": "depends_on", "rule": "return-policy"}]}),
    ("exchange", "The customer wants to exchange an item for another size or colour",
     "Explain that exchanges are free within 30 days", {}),
    ("promo-code", "The customer's promo code or discount code does not work",
     "Check the code's expiry date and minimum basket", {}),
    ("loyalty-points", "The customer asks about loyalty points or rewards",
     "Explain one point per euro, 100 points give 5 EUR", {}),
    ("gift-cards", "The customer asks about buying or using a gift card",
     "Gift cards from 10 to 200 EUR, valid one year", {}),
    ("password-reset", "The customer cannot log in or forgot their password",
     "Send them to the password reset page", {}),
    ("personal-data", "The customer asks to delete or see their personal data",
     "Explain the data request form; answer within 30 days", {"constraints": ['!response.contains("password")']}),
    ("escalation", "The customer is angry or asks to speak to a manager",
     "Apologise, stay calm and offer a call back from a supervisor",
     {"relations": [{"kind": "excludes", "rule": "accessories-upsell"}]}),
    ("accessories-upsell", "The customer is buying or just bought a bike",
     "Suggest a helmet, a lock and lights", {}),
    ("no-guarantees", "The customer asks for a promise or a guarantee",
     "Never promise a result or a delivery date", {"constraints": [NO_GUARANTEE]}),
    ("short-replies", "The customer asks a long or complex question", "Keep replies short and clear",
     {"constraints": ["size(response) <= 600"]}),
]

ORDER = {"name": "order_number", "description": "the order number, two letters and six digits",
         "pattern": r"\b([A-Z]{2}[0-9]{6})\b"}

SCENARIOS = [
    {"name": "return-request", "description": "Return an item",
     "entry_condition": "The customer wants to return or send back an item they bought",
     "steps": [
         {"id": "ask-order", "name": "Ask the order", "instructions": "Ask for the order number",
          "collects": [ORDER], "transitions": [{"to": "ask-reason", "condition": "has(variables.order_number)"}]},
         {"id": "ask-reason", "name": "Ask the reason", "instructions": "Ask why the item is returned",
          "collects": [{"name": "reason", "description": "why the customer returns the item"}],
          "transitions": [{"to": "damaged", "when": "The item arrived damaged, broken or torn"},
                          {"to": "change-of-mind", "when": "The customer changed their mind or the item does not fit"},
                          {"to": "wrong-item", "when": "The customer received a different item than the one ordered"}]},
         {"id": "damaged", "name": "Damaged item", "instructions": "Offer a replacement or a refund",
          "terminal": True},
         {"id": "change-of-mind", "name": "Change of mind", "instructions": "Send the return label",
          "terminal": True},
         {"id": "wrong-item", "name": "Wrong item", "instructions": "Apologise and send the right item",
          "terminal": True}]},
    {"name": "delivery-change", "description": "Change where an order is delivered",
     "entry_condition": "The customer wants to change the delivery address or delivery option of an order",
     "steps": [
         {"id": "ask-order", "name": "Ask the order", "instructions": "Ask for the order number",
          "collects": [ORDER], "transitions": [{"to": "choose", "condition": "has(variables.order_number)"}]},
         {"id": "choose", "name": "Choose the option", "instructions": "Ask where the parcel should go",
          "transitions": [{"to": "home", "when": "The customer wants the parcel delivered to a home address"},
                          {"to": "locker", "when": "The customer wants the parcel delivered to a parcel locker"},
                          {"to": "pickup-point", "when": "The customer wants the parcel delivered to a pickup point"},
                          {"to": "store", "when": "The customer wants to pick the parcel up in a store"}]},
         {"id": "home", "name": "Home address", "instructions": "Ask for the new address",
          "collects": [{"name": "street", "description": "street number and name"},
                       {"name": "city", "description": "the city"},
                       {"name": "postcode", "description": "five-digit postcode", "pattern": r"\b([0-9]{5})\b"}],
          "transitions": [{"to": "confirm", "condition": "has(variables.postcode) && has(variables.city)"}]},
         {"id": "locker", "name": "Parcel locker", "instructions": "Ask in which city the locker should be",
          "collects": [{"name": "locker_city", "description": "the city of the parcel locker"}],
          "transitions": [{"to": "confirm", "condition": "has(variables.locker_city)"}]},
         {"id": "store", "name": "Store pick-up", "instructions": "Name the nearest store", "terminal": True},
         {"id": "pickup-point", "name": "Pickup point", "instructions": "Name the nearest pickup point",
          "terminal": True},
         {"id": "confirm", "name": "Confirm", "instructions": "Confirm the change", "terminal": True}]},
    {"name": "account-signup", "description": "Create a customer account",
     "entry_condition": "The customer wants to create an account or sign up",
     "steps": [
         {"id": "details", "name": "Details", "instructions": "Ask for the name and the e-mail address",
          "collects": [{"name": "full_name", "description": "the customer's first and last name"},
                       {"name": "email", "description": "e-mail address",
                        "pattern": r"([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})"}],
          "transitions": [{"to": "done", "condition": "has(variables.full_name) && has(variables.email)"}]},
         {"id": "done", "name": "Done", "instructions": "Confirm the account and mention loyalty points",
          "terminal": True}]},
]

SCENARIO_RULE = ("return-no-refund-promise", "The customer asks whether the refund is approved",
                 "Say the refund is decided once the item is checked",
                 {"scope": "scenario", "scope_ref": "return-request",
                  "constraints": ['!response.contains("refund is approved")']})

CONVERSATIONS = [
    ["Hi there", "I'd like to send back the jacket I ordered last week", "Sure, it's order AB123456",
     "It arrived with a big tear in the sleeve", "How long until I get my money back?",
     "Do you guarantee the refund will arrive before Friday?", "What's the weather like in Paris today?",
     "Is my refund approved already?", "Ok thanks, bye"],
    ["Where is my parcel? I want to track my order", "Can I have it delivered somewhere else instead?",
     "The order number is CD654321", "Not at home: a parcel locker or the store near my office, whichever is easier",
     "The locker in Lyon, near Part-Dieu please", "How much does delivery cost by the way?",
     "Will it arrive by Saturday?", "thanks!"],
    ["Hello, I want to create an account on your site", "My name is Marie Dupont", "It's marie.dupont@example.com",
     "Do I get loyalty points when I order?", "My promo code SPRING10 isn't working",
     "I also forgot my password", "Can you delete my personal data later?", "Perfect, bye"],
    ["My card payment was declined twice", "What other ways can I pay?",
     "This is ridiculous, I want to talk to a manager", "I bought a bike yesterday, what else do I need?",
     "Which size helmet should I take?", "Is there a warranty on the bike?", "What time do you open on Saturday?",
     "Can I buy a gift card for my brother?", "ok"],
    ["I want to return the shoes, they don't fit", "Order number EF112233", "I just changed my mind, wrong size",
     "Can I exchange them for a bigger size instead?", "How long will the refund take?",
     "Can you promise it will be done this week?", "Who won the football match yesterday?",
     "I'd also like the parcel for my other order sent to my home address", "thanks, goodbye"],
]

CONFIGS = {
    "default": {},
    "rule_filter": {"rule_filter": "model"},
    "judge": {},  # lane 2 is an operator setting: the script starts that server with RUCHE_MODEL_JUDGE=true
    "all": {"rule_filter": "model"},
}


def setup(mcp, config):
    settings = {"fallback_text": "Let me check with a colleague and come back to you.", **CONFIGS[config]}
    mcp.call("agent_upsert", {"name": "shop", "persona": "You are the support assistant of an online bike and "
                              "clothing shop. Be friendly and brief.", "settings": settings})
    for scenario in SCENARIOS:
        mcp.call("scenario_upsert", {"agent": "shop", "scenario": scenario})
    # a relation must name an existing rule: rules without relations first
    rules = sorted(RULES + [SCENARIO_RULE], key=lambda rule: "relations" in rule[3])
    for name, condition, action, extra in rules:
        mcp.call("rule_upsert", {"agent": "shop", "rule": {"name": name, "condition": condition, "action": action,
                                                          **extra}})


def get_json(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read())


def llm_counter(base_url, key):
    request = urllib.request.Request(base_url + "/actuator/prometheus", headers={"Authorization": "Bearer " + key})
    with urllib.request.urlopen(request, timeout=30) as response:
        text = response.read().decode()
    counts = Counter()
    for purpose, value in re.findall(r'(?m)^ruche_llm_calls_total\{[^}]*purpose="([^"]+)"[^}]*\} ([0-9.eE+]+)$',
                                     text):
        counts[purpose] += float(value)
    return counts


def drive(mcp_url, key, fake_url, config, out):
    base_url = mcp_url.rsplit("/mcp", 1)[0]
    mcp = McpSession(mcp_url, key)
    setup(mcp, config)
    counter_before = llm_counter(base_url, key)
    broken_before = Counter(get_json(fake_url + "/stats")["broken"])
    turns = []
    for c, conversation in enumerate(CONVERSATIONS):
        session = None
        for message in conversation:
            before = get_json(fake_url + "/stats")["counts"]
            args = {"agent": "shop", "message": message, **({"session": session} if session else {})}
            reply = mcp.call("converse", args)
            session = reply["session"]
            after = get_json(fake_url + "/stats")["counts"]
            kinds = {k: after.get(k, 0) - before.get(k, 0) for k in KINDS if after.get(k, 0) != before.get(k, 0)}
            trace = mcp.call("trace_get", {"trace": reply["trace"]})
            persistence = next(p for p in trace["phases"] if p["name"] == "persistence")["decisions"]
            scenario = reply.get("scenario")
            turns.append({"conversation": c + 1, "message": message, "mode": reply["mode"],
                          "calls": sum(kinds.values()), "kinds": kinds,
                          "trace_model_calls": persistence.get("model_calls", 0),
                          "regenerations": reply["enforcement"]["regenerations"],
                          "rules": [r["name"] for r in reply["matched_rules"]],
                          "step": f"{scenario['name']}/{scenario['step']}" if scenario else None})
    counter = llm_counter(base_url, key) - counter_before
    broken = Counter(get_json(fake_url + "/stats")["broken"]) - broken_before
    result = {"config": config, "turns": turns, "prometheus": dict(counter), "broken": dict(broken)}
    with open(out, "w") as f:
        json.dump(result, f, indent=1)
    print_config(result)


def summary(turns):
    calls = [t["calls"] for t in turns]
    model = [t["calls"] for t in turns if t["mode"] != "template"]
    return {"turns": len(calls), "mean": statistics.mean(calls), "p50": statistics.median(calls), "max": max(calls),
            "model_turns": len(model), "model_mean": statistics.mean(model) if model else 0.0}


def print_config(result):
    turns = result["turns"]
    s = summary(turns)
    print(f"\n== configuration: {result['config']}")
    for t in turns:
        kinds = ", ".join(f"{k} {n}" for k, n in t["kinds"].items()) or "-"
        print(f"  c{t['conversation']} {t['calls']} calls [{kinds}] mode={t['mode']} step={t['step']} "
              f"rules={t['rules']} :: {t['message']}")
    distribution = dict(sorted(Counter(t["calls"] for t in turns).items()))
    per_kind = Counter()
    for t in turns:
        per_kind.update(t["kinds"])
    modes = Counter(t["mode"] for t in turns)
    print(f"turns {s['turns']} (modes {dict(modes)}); calls per turn: mean {s['mean']:.2f}, p50 {s['p50']:g}, "
          f"max {s['max']}; without the {s['turns'] - s['model_turns']} template turns: mean {s['model_mean']:.2f}")
    print(f"distribution (calls: turns): {distribution}")
    print("per kind (total, per turn): " + ", ".join(f"{k} {n} ({n / s['turns']:.2f})"
                                                      for k, n in per_kind.most_common()))
    drafts = sum(t["kinds"].get("generation", 0) + t["kinds"].get("regeneration", 0) for t in turns)
    broken = sum(result["broken"].values())
    print(f"drafts the fake made with \"guarantee\" (breaking a CEL constraint): {broken} of {drafts}; regenerations "
          f"{sum(t['regenerations'] for t in turns)}; fallback replies {modes.get('fallback', 0)}")
    total = sum(t["calls"] for t in turns)
    print(f"cross-check: fake server {total}, traces' model_calls {sum(t['trace_model_calls'] for t in turns)}, "
          f"ruche_llm_calls_total {sum(result['prometheus'].values()):g} {result['prometheus']}")


def report(files):
    print("\n| configuration | turns | mean calls/turn | p50 | max | mean without template turns | "
          "distribution (calls: turns) | <= 2 on average |")
    print("|---|---|---|---|---|---|---|---|")
    for file in files:
        with open(file) as f:
            result = json.load(f)
        s = summary(result["turns"])
        distribution = dict(sorted(Counter(t["calls"] for t in result["turns"]).items()))
        print(f"| {result['config']} | {s['turns']} | {s['mean']:.2f} | {s['p50']:g} | {s['max']} | "
              f"{s['model_mean']:.2f} | {distribution} | {'yes' if s['mean'] <= 2 else 'NO'} |")


def main():
    command = sys.argv[1]
    if command == "fake":
        serve_fake(int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 10)
    elif command == "drive":
        drive(*sys.argv[2:7])
    elif command == "report":
        report(sys.argv[2:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
