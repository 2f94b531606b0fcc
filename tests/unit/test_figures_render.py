"""The SVG output: animated without script or style, mirrored, still keyframes, small and repeatable."""

import xml.etree.ElementTree as ET

import pytest

from backstride.core.figures import figure_svg, keyframe_names, load_figure, still_svg
from backstride.core.figures.render import COLOURS
from backstride.core.library import load_library

SVG = "{http://www.w3.org/2000/svg}"
SLUGS = sorted(load_library().exercises)
MAX_BYTES = 20_000


def parse(text: str) -> ET.Element:
    return ET.fromstring(text)


@pytest.mark.parametrize("slug", SLUGS)
def test_every_animated_figure_is_valid_svg_under_twenty_kilobytes(slug):
    text = figure_svg(slug)
    assert len(text.encode()) < MAX_BYTES
    assert parse(text).tag == f"{SVG}svg"


@pytest.mark.parametrize("slug", SLUGS)
def test_no_figure_uses_script_or_style_attributes(slug):
    for text in (figure_svg(slug), figure_svg(slug, mirrored=True)):
        for element in parse(text).iter():
            assert element.tag not in (f"{SVG}script", f"{SVG}style", f"{SVG}foreignObject")
            assert "style" not in element.attrib
            assert not any(name.startswith("on") for name in element.attrib)


@pytest.mark.parametrize("slug", SLUGS)
def test_the_same_figure_renders_to_the_same_bytes_every_time(slug):
    load_figure.cache_clear()
    first = figure_svg(slug)
    load_figure.cache_clear()
    assert figure_svg(slug) == first


@pytest.mark.parametrize("slug", SLUGS)
def test_a_figure_with_several_keyframes_loops_between_them(slug):
    animations = [e for e in parse(figure_svg(slug)).iter() if e.tag in (f"{SVG}animate", f"{SVG}animateTransform")]
    if len(keyframe_names(slug)) == 1:
        assert animations == []
        return
    assert animations
    for a in animations:
        assert a.get("repeatCount") == "indefinite"
        times, values = a.get("keyTimes").split(";"), a.get("values").split(";")
        assert times[0] == "0" and times[-1] == "1" and len(times) == len(values)
        assert [float(t) for t in times] == sorted(float(t) for t in times)
        assert len(a.get("keySplines").split(";")) == len(values) - 1


def test_a_held_keyframe_pauses_the_animation_on_its_position():
    turning = [e for e in parse(figure_svg("bird-dog")).iter() if e.get("type") == "rotate"]
    values = turning[0].get("values").split(";")
    # each keyframe's angle appears twice in a row: the start and end of its hold
    assert values[0] == values[1] and values[2] == values[3]


@pytest.mark.parametrize("slug", SLUGS)
def test_every_keyframe_has_a_still_for_print(slug):
    for name in keyframe_names(slug):
        root = parse(still_svg(slug, name))
        assert not [e for e in root.iter() if e.tag in (f"{SVG}animate", f"{SVG}animateTransform")]
        assert name in root.find(f"{SVG}title").text


def test_the_mirrored_figure_is_the_same_drawing_flipped():
    plain, mirrored = figure_svg("bird-dog"), figure_svg("bird-dog", mirrored=True)
    assert 'transform="scale(-1 1)"' in mirrored and 'transform="scale(-1 1)"' not in plain
    assert plain.count("<path") == mirrored.count("<path")


@pytest.mark.parametrize("slug", SLUGS)
def test_near_limbs_are_darker_and_drawn_over_the_far_limbs_in_every_keyframe(slug):
    for name in keyframe_names(slug):
        text = still_svg(slug, name)
        near_at = [i for i in range(len(text)) if text.startswith(f'stroke="{COLOURS["near"]}"', i)]
        far_at = [i for i in range(len(text)) if text.startswith(f'stroke="{COLOURS["far"]}"', i)]
        # one colour group opens each leg and each arm: both far limbs come first, so the near ones cover them
        assert len(near_at) == len(far_at) == 2
        assert max(far_at) < min(near_at)


def test_the_near_colour_is_darker_than_the_far_colour():
    def lightness(hex_colour: str) -> int:
        return sum(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))

    assert lightness(COLOURS["near"]) < lightness(COLOURS["torso"]) < lightness(COLOURS["far"])
