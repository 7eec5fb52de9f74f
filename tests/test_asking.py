"""What a line says about itself: it asks, it is a placeholder, it heads back matter."""

from __future__ import annotations

import pytest

from cardgen.notes.asking import asks, is_back_matter, is_placeholder, lists_questions


@pytest.mark.parametrize(
    "line",
    [
        "Redis 为什么快？",
        "联合索引的最左匹配原则?",
        "What is a closure, and how/why would you use one?",
        "Explain event delegation.",
        "Compare K-means and KNN algorithms.",
        "How Do You Handle Missing or Corrupted Data in a Dataset",
        "聚簇索引和非聚簇索引的区别",
        "需要改进的模块是哪个？（CICD）",
        "What is regression? 👶",
        "2. 什么是 Pod？ {#what-is-a-pod}",
    ],
)
def test_questions_ask(line: str) -> None:
    assert asks(line)


@pytest.mark.parametrize(
    "line",
    [
        "Other Answers",
        "List starts at 4",
        "Do: say what is tested",
        "数据库约束（CONSTRAINT）有哪些：",
        "When writing your Dockerfiles, the instruction EXPOSE tells Docker the running container listens on ports.",
        "Start by understanding the practices. Then, delve into your area of choice, or maybe all of them?",
        "exec：在容器内执行命令",
        "List 是一个双向链表，可以通过 lpush 和 rpop 写入和读取消息",
    ],
)
def test_statements_do_not(line: str) -> None:
    assert not asks(line)


def test_a_question_among_questions_may_run_on() -> None:
    line = "Compare SFT, DPO, GRPO, and RLVR — data requirements. When would you use each"
    assert not asks(line) and asks(line, among_questions=True)


@pytest.mark.parametrize("text", ["To be completed.", "[TBD]", "Answer here", "待补充", "TODO", "略"])
def test_placeholders(text: str) -> None:
    assert is_placeholder(text)
    assert not is_placeholder("To be completed by the scheduler, which picks a node.")


@pytest.mark.parametrize(
    "title", ["References", "Source(s) and further reading", ":clap: Credits", "🙏 致谢", "License", "目录", "参考资料"]
)
def test_back_matter(title: str) -> None:
    assert is_back_matter(title)
    assert not is_back_matter("Referencing pods")


def test_user_patterns_skip_headings_too() -> None:
    assert is_back_matter("Exercises 3", ("exercises*",)) and not is_back_matter("Exercises 3")


def test_headings_that_say_questions_follow() -> None:
    assert (
        lists_questions("Follow-ups") and lists_questions("## 思考题".strip("# ")) and lists_questions("📝 Exercises")
    )
    assert not lists_questions("Follow-up on the outage") and not lists_questions("Answer (EN)")
