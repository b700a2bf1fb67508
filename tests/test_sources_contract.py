"""Every request the SCB client sends fits the PxWebApi 2.0 OpenAPI spec (PxAPI-2.yml)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from fakes.pxweb import PREFIX, FakePxWeb
from fakes.server import FakeHttp, Incoming

from reglab_forecast.sources.scb import ScbClient

SPEC = yaml.safe_load((Path(__file__).parent / "fixtures" / "scb" / "PxAPI-2.yml").read_text())


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = SPEC
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
    return node


def _template_for(path: str) -> str:
    for template in SPEC["paths"]:
        pattern = "^" + re.sub(r"\{[^}]+\}", r"[^/]+", template) + "$"
        if re.match(pattern, path):
            return template
    raise AssertionError(f"{path} is not a path in PxAPI-2.yml")


def _check_params(operation: dict[str, Any], query: dict[str, list[str]]) -> None:
    declared = {p["name"]: p for p in map(_resolve, operation.get("parameters", []))
                if p["in"] == "query"}
    for name, values in query.items():
        base = name.split("[", 1)[0]
        assert base in declared, f"query parameter {name} not in the spec"
        param = declared[base]
        if "[" in name:
            assert param.get("style") == "deepObject", f"{base} is not a deepObject"
        schema = _resolve(param.get("schema", {}))
        if "enum" in schema:
            assert values[0] in schema["enum"], f"{name}={values[0]} not in {schema['enum']}"
        if schema.get("type") == "integer":
            assert values[0].isdigit(), f"{name}={values[0]} is not an integer"


def _check_object(value: Any, schema: dict[str, Any], where: str) -> None:
    schema = _resolve(schema)
    kind = schema.get("type")
    if kind == "object":
        assert isinstance(value, dict), where
        properties = schema.get("properties", {})
        unknown = set(value) - set(properties)
        assert not unknown, f"{where}: {unknown} not in the schema"
        # The spec's VariableSelection lists `values` as required but never defines it; the
        # property it does define (and the server reads) is `valueCodes`.
        for name in [r for r in schema.get("required", []) if r in properties]:
            assert name in value, f"{where}: required {name} missing"
        for name, item in value.items():
            _check_object(item, properties[name], f"{where}.{name}")
    elif kind == "array":
        assert isinstance(value, list), where
        for i, item in enumerate(value):
            _check_object(item, schema["items"], f"{where}[{i}]")
    elif kind == "string":
        assert isinstance(value, str), where


def check_request(request: Incoming) -> None:
    path = request.path[len(PREFIX):]
    template = _template_for(path)
    operations = SPEC["paths"][template]
    method = request.method.lower()
    assert method in operations, f"{request.method} {template} not in the spec"
    operation = operations[method]
    _check_params(operation, request.query)
    if request.body is not None:
        body_schema = operation["requestBody"]["content"]["application/json"]["schema"]
        _check_object(request.body, body_schema, "body")


def test_every_request_fits_the_spec(scb: ScbClient, pxweb: FakePxWeb,
                                     fake_http: FakeHttp) -> None:
    pxweb.max_cells = 3000
    scb.search("befolkning", past_days=30)
    scb.codelist("agg_Ålder10årJ")
    scb.data("TAB4442", {"Yrke2012": "*", "Alder": "*", "Tid": "*"})
    scb.data("TAB638", {"Region": "00", "Civilstand": "*", "Alder": "*", "Kon": "*",
                        "ContentsCode": "*",
                        "Tid": "2024"}, codelists={"Alder": "agg_Ålder10årJ"})
    requests = [r for r in fake_http.log if r.path.startswith(PREFIX)]
    assert {r.path.rsplit("/", 1)[-1] for r in requests} >= {
        "config", "tables", "metadata", "data", "agg_Ålder10årJ"}
    for request in requests:
        check_request(request)
    data = [r for r in requests if r.path.endswith("/data")]
    assert all(r.method == "POST" and r.query["outputFormat"] == ["json-stat2"] for r in data)


def test_the_checker_can_fail() -> None:
    bad = Incoming("POST", f"{PREFIX}/tables/TAB1/data", {"format": ["x"]},
                   {"selection": [{"variableCode": "A", "values": ["1"]}]}, {}, 0.0)
    with pytest.raises(AssertionError):
        check_request(bad)
    bad_body = Incoming("POST", f"{PREFIX}/tables/TAB1/data", {},
                        {"selection": [{"variableCode": "A", "values": ["1"]}]}, {}, 0.0)
    with pytest.raises(AssertionError, match="values"):
        check_request(bad_body)
