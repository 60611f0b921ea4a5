#!/usr/bin/env python3
"""Checks that each spring-boot-* profile of the parent pom really tests the versions Boot manages.

Maven lets a pom's own dependencyManagement entries win over any imported BOM, so importing
spring-boot-dependencies in a profile does not by itself override the versions bench4j manages
(Jackson, httpclient5, Caffeine, SLF4J, JUnit, AssertJ...): the profile also sets their version
properties. This script reads the Boot BOM the profile imports (from the local Maven repository,
where the profile's build put it) and, for every library the parent manages with a ${property}
version that the BOM manages too (the same groupId:artifactId, or a BOM of the same groupId that
the Boot BOM imports), fails when the profile's property differs from Boot's version.

Run after the profile builds (as .ci/run does):  python3 .ci/boot-versions.py [LOCAL_REPO]
LOCAL_REPO defaults to ~/.m2/repository. Needs only the Python 3 standard library.
"""
import os
import re
import sys
import xml.etree.ElementTree as ET

NS = {"m": "http://maven.apache.org/POM/4.0.0"}
PROP = re.compile(r"^\$\{([^}]+)\}$")


def text(el, path):
    found = el.find(path, NS)
    return None if found is None or found.text is None else found.text.strip()


def properties(el):
    props = el.find("m:properties", NS)
    if props is None:
        return {}
    return {child.tag.split("}", 1)[1]: (child.text or "").strip() for child in props}


def managed(el):
    """(groupId, artifactId, version expression, is an import) of a dependencyManagement."""
    out = []
    for d in el.findall("m:dependencyManagement/m:dependencies/m:dependency", NS):
        out.append((text(d, "m:groupId"), text(d, "m:artifactId"), text(d, "m:version"),
                    text(d, "m:scope") == "import"))
    return out


def resolve(expr, props):
    m = PROP.match(expr or "")
    return props.get(m.group(1), expr) if m else expr


def main():
    repo = sys.argv[1] if len(sys.argv) > 1 else os.path.expanduser("~/.m2/repository")
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    pom = ET.parse(os.path.join(root, "pom.xml")).getroot()
    ours = [(g, a, v) for g, a, v, _ in managed(pom) if g != "dev.bench4j"]
    own_props = properties(pom)
    problems, checked = [], 0
    profiles = [p for p in pom.findall("m:profiles/m:profile", NS) if text(p, "m:id").startswith("spring-boot-")]
    if not profiles:
        problems.append("pom.xml has no spring-boot-* profile")
    for profile in profiles:
        pid = text(profile, "m:id")
        props = dict(own_props, **properties(profile))
        boot = props.get("spring-boot.version")
        if not boot:
            problems.append(f"{pid}: no spring-boot.version property")
            continue
        bom_file = os.path.join(repo, "org/springframework/boot/spring-boot-dependencies", boot,
                                f"spring-boot-dependencies-{boot}.pom")
        if not os.path.exists(bom_file):
            problems.append(f"{pid}: {bom_file} not found; build with -P{pid} first")
            continue
        bom = ET.parse(bom_file).getroot()
        bom_props, bom_entries = properties(bom), managed(bom)
        for g, a, expr in ours:
            match = next((e for e in bom_entries if e[0] == g and e[1] == a), None) \
                or next((e for e in bom_entries if e[0] == g and e[3]), None)
            if match is None:
                continue
            checked += 1
            want = resolve(match[2], bom_props)
            m = PROP.match(expr or "")
            if not m:
                problems.append(f"{pid}: {g}:{a} has the literal version {expr} in pom.xml; use a property the profile can set")
                continue
            have = props.get(m.group(1))
            if have != want:
                problems.append(f"{pid}: Spring Boot {boot} manages {g}:{a} at {want} but the profile tests "
                                f"{have}; set <{m.group(1)}>{want}</{m.group(1)}> in the profile")
        print(f"boot-versions: {pid} (Spring Boot {boot}) checked")
    for p in problems:
        print("boot-versions: " + p, file=sys.stderr)
    if problems:
        return 1
    print(f"boot-versions: {checked} managed libraries match the Boot BOMs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
