"""Checks ops/k8s against what the services really need (run by ops/check.sh).

Every file parses; each Deployment's selector matches its pod labels and a Service selects it on
the port the container listens on (the HTTP_PORT it is given); probes use the Quarkus health paths;
memory is requested and limited; every ConfigMap and Secret a pod reads is defined here; the
kustomization lists every file. Exits 1 with one line per problem.
"""
import pathlib
import sys

import yaml

HERE = pathlib.Path(__file__).parent
problems = []
docs = []
for path in sorted(HERE.glob("*.yaml")):
    if path.name == "kustomization.yaml":
        continue
    for doc in yaml.safe_load_all(path.read_text()):
        if doc:
            docs.append((path.name, doc))

kustomization = yaml.safe_load((HERE / "kustomization.yaml").read_text())
listed = set(kustomization.get("resources", []))
for path in HERE.glob("*.yaml"):
    if path.name != "kustomization.yaml" and path.name not in listed:
        problems.append(f"{path.name} is not listed in kustomization.yaml")

defined = {(d["kind"], d["metadata"]["name"]) for _, d in docs}
services = [d for _, d in docs if d["kind"] == "Service"]
for name, d in docs:
    for key in ("apiVersion", "kind", "metadata"):
        if key not in d:
            problems.append(f"{name}: a resource has no {key}")
    if d["kind"] != "Deployment":
        continue
    dep = d["metadata"]["name"]
    spec = d["spec"]
    labels = spec["template"]["metadata"]["labels"]
    if any(labels.get(k) != v for k, v in spec["selector"]["matchLabels"].items()):
        problems.append(f"{dep}: selector does not match the pod labels")
    pod = spec["template"]["spec"]
    for c in pod["containers"]:
        env = {e["name"]: e.get("value") for e in c.get("env", [])}
        ports = {p["name"]: p["containerPort"] for p in c.get("ports", [])}
        if str(ports.get("http")) != env.get("HTTP_PORT"):
            problems.append(f"{dep}: container port http {ports.get('http')} is not its HTTP_PORT {env.get('HTTP_PORT')}")
        for probe, path in (("startupProbe", "/q/health/started"), ("livenessProbe", "/q/health/live"),
                            ("readinessProbe", "/q/health/ready")):
            got = c.get(probe, {}).get("httpGet", {})
            if got.get("path") != path or got.get("port") not in ports:
                problems.append(f"{dep}: {probe} must GET {path} on a named container port")
        res = c.get("resources", {})
        if "memory" not in res.get("requests", {}) or "memory" not in res.get("limits", {}):
            problems.append(f"{dep}: memory request and limit are required")
        for src in c.get("envFrom", []):
            for kind, key in (("ConfigMap", "configMapRef"), ("Secret", "secretRef")):
                if key in src and (kind, src[key]["name"]) not in defined:
                    problems.append(f"{dep}: reads {kind} {src[key]['name']}, which is not defined")
        for e in c.get("env", []):
            ref = e.get("valueFrom", {}).get("configMapKeyRef")
            if ref and (("ConfigMap", ref["name"]) not in defined):
                problems.append(f"{dep}: env {e['name']} reads an undefined ConfigMap")
    for v in pod.get("volumes", []):
        if "secret" in v and ("Secret", v["secret"]["secretName"]) not in defined:
            problems.append(f"{dep}: volume {v['name']} mounts an undefined Secret")
    selected = [s for s in services if all(labels.get(k) == val for k, val in s["spec"]["selector"].items())]
    if not selected:
        problems.append(f"{dep}: no Service selects it")
    for s in selected:
        for p in s["spec"]["ports"]:
            if p["targetPort"] not in {pp["name"] for c in pod["containers"] for pp in c.get("ports", [])}:
                problems.append(f"Service {s['metadata']['name']}: targetPort {p['targetPort']} is no container port")

for p in problems:
    print(p, file=sys.stderr)
deployments = sum(1 for _, d in docs if d["kind"] == "Deployment")
if problems:
    sys.exit(1)
print(f"ops/k8s: {len(docs)} resources ({deployments} deployments) consistent")
