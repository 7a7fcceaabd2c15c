"""Read one GEXF or GraphML file with networkx and print what it saw as JSON.

Used by networkxClient.ts so tests can ask a real third-party reader, not
our own, what a file contains. The format is taken from the root element
(not the file name), and a GEXF file's version from its `version`
attribute (else its namespace), because networkx only finds the <graph>
element when told the matching version.

Usage: python3 networkx_read.py FILE
Prints {"directed", "multigraph", "nodes", "edges", "nodeIds" (first 5),
"edgeAttributeKeys" (sorted union)} on stdout. On failure prints
networkx's message on stderr and exits 1.
"""

import json
import sys
import xml.etree.ElementTree as ET

import networkx as nx

# GEXF root version attribute -> networkx's name for that version.
GEXF_VERSIONS = {"1.1": "1.1draft", "1.2": "1.2draft", "1.3": "1.3"}


def root_element(path):
    """The root element's (namespace, local name, attributes), read lazily."""
    for _event, element in ET.iterparse(path, events=("start",)):
        tag = element.tag
        if tag.startswith("{"):
            namespace, _, local = tag[1:].partition("}")
        else:
            namespace, local = "", tag
        return namespace, local, dict(element.attrib)
    raise ValueError("the file has no root element")


def gexf_version(namespace, attributes):
    declared = attributes.get("version", "").strip()
    if declared in GEXF_VERSIONS:
        return GEXF_VERSIONS[declared]
    # No usable version attribute: guess from the namespace URI.
    for name in ("1.3", "1.2draft", "1.1draft"):
        if namespace.rstrip("/").endswith(name):
            return name
    return "1.2draft"  # networkx's own default


def read(path):
    namespace, local, attributes = root_element(path)
    if local == "gexf":
        return nx.read_gexf(path, version=gexf_version(namespace, attributes))
    if local == "graphml":
        return nx.read_graphml(path)
    raise ValueError(f"root element <{local}> is neither <gexf> nor <graphml>")


def summary(graph):
    keys = set()
    for _u, _v, data in graph.edges(data=True):
        keys.update(str(k) for k in data)
    return {
        "directed": graph.is_directed(),
        "multigraph": graph.is_multigraph(),
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "nodeIds": [str(n) for n in list(graph.nodes)[:5]],
        "edgeAttributeKeys": sorted(keys),
    }


def main(argv):
    if len(argv) != 2:
        print("usage: networkx_read.py FILE", file=sys.stderr)
        return 2
    try:
        graph = read(argv[1])
    except Exception as error:  # noqa: BLE001 - every reader failure is reported the same way
        print(str(error) or type(error).__name__, file=sys.stderr)
        return 1
    print(json.dumps(summary(graph)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
