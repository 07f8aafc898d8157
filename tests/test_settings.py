import pytest

from newsevents.settings import Settings

pytestmark = pytest.mark.issue(2)


def test_every_setting_is_documented() -> None:
    docs = Settings.documentation()
    assert docs and all(text.strip() for text in docs.values())


def test_precedence_defaults_env_overrides() -> None:
    assert Settings.from_env({}).batch_size == 32
    env = {"NEWSEVENTS_BATCH_SIZE": "8", "NEWSEVENTS_CHECK_LANGUAGE": "false"}
    from_env = Settings.from_env(env)
    assert from_env.batch_size == 8 and from_env.check_language is False
    assert Settings.from_env(env, batch_size=4, model=None).batch_size == 4
