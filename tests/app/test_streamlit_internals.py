"""Streamlit's private internals the app relies on are still where it reaches.

Each test names the internal in its failure message, so an upgrade of
Streamlit that moves one says which (see ``softmax_ui/streamlit_internals.py``).
"""

from streamlit.testing.v1 import AppTest

from .apptest_helpers import TIMEOUT


def test_pages_manager_still_has_the_uses_pages_directory_flag():
    from streamlit.runtime.pages_manager import PagesManager

    assert hasattr(PagesManager, "uses_pages_directory"), (
        "streamlit.runtime.pages_manager.PagesManager.uses_pages_directory is gone:"
        " softmax_ui.streamlit_internals.leave_pages_folder_mode needs a new way"
    )


def _widget_keys_script() -> None:
    import streamlit as st

    from softmax_ui.streamlit_internals import widget_keys_this_run

    st.slider("probe", key="probe_slider")
    keys = widget_keys_this_run()
    st.session_state["seen"] = None if keys is None else "probe_slider" in keys


def test_the_widget_keys_of_a_run_are_still_kept_by_streamlit():
    at = AppTest.from_function(_widget_keys_script, default_timeout=TIMEOUT).run()
    assert at.session_state["seen"] is True, (
        "ScriptRunContext.shared.widget_user_keys_this_run is gone or changed:"
        " softmax_ui.streamlit_internals.widget_keys_this_run reads it"
    )


def _cached_drawing_script() -> None:
    import streamlit as st

    from softmax_ui.streamlit_internals import draw_outside_the_cache

    @st.cache_data
    def cached(x: int) -> int:
        st.caption("recorded")
        draw_outside_the_cache(st.caption, "not recorded")
        return x

    cached(1)


def test_drawing_outside_the_cache_is_not_replayed_on_a_cache_hit():
    at = AppTest.from_function(_cached_drawing_script, default_timeout=TIMEOUT)
    at.run()
    assert [c.value for c in at.caption] == ["recorded", "not recorded"]
    at.run()  # a cache hit: only what the cached function recorded comes back
    assert [c.value for c in at.caption] == ["recorded"], (
        "streamlit.runtime.scriptrunner_utils.script_run_context.in_cached_function"
        " no longer stops the recording of elements drawn inside a cached function"
    )


def _bound_link_script() -> None:
    import streamlit as st

    from softmax_ui.streamlit_internals import write_bound_link_value

    st.slider("probe", 0.0, 10.0, 1.0, key="probe_z", bind="query-params")
    write_bound_link_value("probe_z", 7.0)
    st.session_state["written"] = st.query_params.get("probe_z")
    write_bound_link_value("probe_z", None)
    st.session_state["removed"] = "probe_z" not in st.query_params


def test_a_bound_widgets_link_value_can_still_be_written_and_removed():
    at = AppTest.from_function(_bound_link_script, default_timeout=TIMEOUT).run()
    assert not at.exception, at.exception
    written, removed = at.session_state["written"], at.session_state["removed"]
    assert written in ("7", "7.0") and removed, (
        "QueryParams.set_corrected_value, stored_param_matches_corrected_value or"
        " remove_param (through get_session_state().query_params()) is gone or"
        " changed: softmax_ui.streamlit_internals.write_bound_link_value uses them"
    )
