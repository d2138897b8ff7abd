from juesuan.text.headings import ITEM, PART, SUB, chinese_number, is_heading_line, numbering
from juesuan.text.normalize import normalize


def test_full_width_forms_map_one_to_one() -> None:
    text = "２０２０年收入合计７，４６７．３３万元，占９９．０２％（一）　ａＢ"
    out = normalize(text)
    assert len(out) == len(text)
    assert out == "2020年收入合计7,467.33万元,占99.02%(一) aB"


def test_chinese_punctuation_outside_the_full_width_block_is_kept() -> None:
    assert normalize("一、收入。“三公”") == "一、收入。“三公”"


def test_numbering_levels_and_titles() -> None:
    part = numbering("第3部分 名词解释")
    assert part is not None and part.level == PART and part.number == 3 and part.title == "名词解释"
    item = numbering("十一、其他重要事项说明")
    assert item is not None and item.level == ITEM and item.number == 11
    sub = numbering("（二）主要职能。（职能参照三定方案）")
    assert sub is not None and sub.level == SUB and sub.title == "主要职能" and not sub.is_bare
    assert numbering("1.40%的增长") is None
    assert numbering("一是2020年市委办公室") is None


def test_heading_lines_are_short_and_bare() -> None:
    assert is_heading_line("五、一般公共预算财政拨款支出决算情况说明")
    sentence = "（一）2020年财政预算拨款630.78万元（一般公共预算财政拨款收入）、其他收入0.02万元。"
    assert not is_heading_line(sentence)
    assert chinese_number("二十六") == 26
