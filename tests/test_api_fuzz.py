"""Property test of the JSON API against its own OpenAPI schema (schemathesis): whatever the
parameters and bodies, no answer is a server error.  Bounded: a few examples per operation."""
from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402

from conftest import quick_parse, two_unit_reports  # noqa: E402


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    from workreport.store import Library
    from workreport.web.app import create_app

    root = tmp_path_factory.mktemp("apifuzz")
    src = two_unit_reports(root, "完成投资3.5亿元，增长8%。")
    lib = Library(str(root / "f.db"), parser=quick_parse)
    lib.ingest([str(src)], workers=0)
    app = create_app(str(root / "f.db"), library=lib, data_dir=root / "data", max_upload_bytes=50_000,
                     parse_seconds=20, allowed_hosts=("testserver",))  # the test transport's name
    yield app
    lib.close()


def test_no_answer_is_a_server_error(api):
    from hypothesis import given

    schema = schemathesis.openapi.from_asgi("/openapi.json", api)
    tried = 0
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(max_examples=8, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def no_server_error(case):
            response = case.call()
            assert response.status_code < 500, (case.method, case.path, case.path_parameters, case.query,
                                                response.status_code, response.text[:300])

        no_server_error()
        tried += 1
    assert tried >= 12  # every operation of the API was exercised
