#!/usr/bin/env python3
"""Checks the deployment kit (called by deploy/check.sh): the Kubernetes manifest and the
Prometheus alert rules parse as YAML and have the shape duban needs, and every duban metric an
alert uses is one the code exports. Needs PyYAML (Debian: python3-yaml)."""

import pathlib
import re
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
# Metrics exported by parts developed on other branches; a warning, not an error, until merged.
errors = []


def check(cond, what):
    if not cond:
        errors.append(what)


def kubernetes():
    path = ROOT / "deploy/k8s/duban.yaml"
    docs = [d for d in yaml.safe_load_all(path.read_text(encoding="utf-8")) if d]
    by_kind = {}
    for d in docs:
        check(isinstance(d, dict) and "apiVersion" in d and "kind" in d and d.get("metadata", {}).get("name"),
              f"{path.name}: every document needs apiVersion, kind and metadata.name")
        by_kind.setdefault(d.get("kind"), []).append(d)
    secret = (by_kind.get("Secret") or [{}])[0]
    keys = set((secret.get("stringData") or {}) | (secret.get("data") or {}))
    for k in ("FEISHU_APP_ID", "FEISHU_APP_SECRET", "FEISHU_VERIFICATION_TOKEN"):
        check(k in keys, f"Secret lacks {k}")
    sts = (by_kind.get("StatefulSet") or [None])[0]
    check(sts is not None, "no StatefulSet")
    if not sts:
        return
    spec = sts["spec"]
    check(spec.get("replicas") == 1, "StatefulSet must run exactly one replica (sled is single-process)")
    check(spec["selector"]["matchLabels"].items() <= spec["template"]["metadata"]["labels"].items(),
          "selector does not match the pod labels")
    claims = {c["metadata"]["name"] for c in spec.get("volumeClaimTemplates", [])}
    check(claims, "StatefulSet has no volumeClaimTemplates")
    ann = spec["template"]["metadata"].get("annotations", {})
    check(ann.get("prometheus.io/scrape") == "true" and ann.get("prometheus.io/port"),
          "pod template lacks the prometheus.io annotations")
    containers = spec["template"]["spec"]["containers"]
    check(len(containers) == 1, "one container expected")
    c = containers[0]
    ports = {p.get("name"): p["containerPort"] for p in c.get("ports", [])}
    check(str(ports.get("http")) == str(ann.get("prometheus.io/port")), "metrics port annotation differs from the http port")
    check(c.get("livenessProbe", {}).get("httpGet", {}).get("path") == "/healthz", "liveness probe must GET /healthz")
    check(c.get("readinessProbe", {}).get("httpGet", {}).get("path") == "/readyz", "readiness probe must GET /readyz")
    refs = [e.get("secretRef", {}).get("name") for e in c.get("envFrom", [])]
    check(secret.get("metadata", {}).get("name") in refs, "container does not take its env from the Secret")
    env = {e["name"]: e.get("value") for e in c.get("env", [])}
    mounts = {m["name"]: m["mountPath"] for m in c.get("volumeMounts", [])}
    data = [mounts[n] for n in claims if n in mounts]
    check(data and env.get("DUBAN_DATA_DIR") == data[0], "DUBAN_DATA_DIR must be the mounted volume")
    for svc in by_kind.get("Service", []):
        check(svc["spec"]["selector"].items() <= spec["template"]["metadata"]["labels"].items(),
              "Service selector does not match the pod labels")


def exported_metrics():
    names = set()
    for f in (ROOT / "src").rglob("*.rs"):
        names |= set(re.findall(r'metrics::(?:counter|gauge|histogram)!\(\s*"([a-z_]+)"', f.read_text(encoding="utf-8")))
    return names


def alerts():
    path = ROOT / "deploy/prometheus/duban-alerts.yml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    exported = exported_metrics()
    seen = set()
    for group in doc["groups"]:
        check(group.get("name") and group.get("rules"), "every group needs a name and rules")
        for rule in group["rules"]:
            name = rule.get("alert")
            check(name and rule.get("expr"), f"rule without alert/expr: {rule}")
            check(name not in seen, f"duplicate alert {name}")
            seen.add(name)
            check(rule.get("labels", {}).get("severity") in ("critical", "warning", "info"), f"{name}: severity label")
            check(rule.get("annotations", {}).get("summary"), f"{name}: summary annotation")
            for metric in re.findall(r"\bduban_[a-z_]+", rule["expr"]):
                base = re.sub(r"_(bucket|sum|count)$", "", metric)
                if metric in exported or base in exported:
                    continue
                errors.append(f"{name}: {metric} is not a metric duban exports")
    for wanted in ("DubanOutboxBacklog", "DubanDeadLetters", "DubanLongConnectionDown", "DubanRemindersNotSent"):
        check(wanted in seen, f"missing alert {wanted}")


kubernetes()
alerts()
if errors:
    for e in errors:
        print(f"deploy/check.py: {e}", file=sys.stderr)
    sys.exit(1)
print("deploy/check.py: Kubernetes manifest and alert rules OK")
