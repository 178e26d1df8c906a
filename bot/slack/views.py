"""Block Kit beyond answers: the App Home tab, the escalation post, and the short notices.

Like ``blocks``, everything a person or a document wrote is escaped here before Slack sees it.
"""

from __future__ import annotations

from typing import Any

from ..models import DISCLAIMER
from .blocks import SLACK_SECTION_LIMIT, _context, _section, clip, slack_escape
from .channels import Corpora

EXAMPLES = ("What is the usual dose?", "What are the common side effects?", "Is it safe during pregnancy or breastfeeding?")
HOME_CHANNELS = 40  # mapped channels listed on the Home tab (Slack allows 100 blocks in a view)
STOPPED = ("OK, I will stop answering follow-ups in this thread. Mention me if you want me to answer here again.")


def _titles(corpora: Corpora, index) -> str:
    titles = corpora.documents(index)
    shown = ", ".join(f"*{slack_escape(t)}*" for t in titles[:5])
    return shown + (f" and {len(titles) - 5} more" if len(titles) > 5 else "")


def home_view(corpora: Corpora, command: str, escalation_channel: str | None) -> dict[str, Any]:
    """The Home tab: what the bot answers from (per channel when mapped), three example questions, the disclaimer."""
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": "Monograph Bot"}},
        _section(f"I answer questions from {_titles(corpora, corpora.default)}"
                 + (" in direct messages and in channels not listed below." if corpora.channels else ".")),
    ]
    channels = sorted(corpora.channels.items())
    for channel, index in channels[:HOME_CHANNELS]:
        blocks.append(_section(f"In <#{channel}>: {_titles(corpora, index)}"))
    if len(channels) > HOME_CHANNELS:
        blocks.append(_context(f"({len(channels) - HOME_CHANNELS} more channels have their own documents.)"))
    blocks.append(_section("*Try asking:*\n" + "\n".join(f"• {q}" for q in EXAMPLES)))
    how = (f"Mention me in a channel (I answer in the thread, and follow up there without a mention until "
           f"someone says `stop`), send me a direct message, or use `{slack_escape(command)}` to ask privately.")
    if escalation_channel:
        how += f" *Ask a pharmacist* under an answer passes your question to <#{escalation_channel}>."
    blocks += [_section(how), {"type": "divider"}, _context(slack_escape(DISCLAIMER))]
    return {"type": "home", "blocks": blocks}


def escalation_post(user: str | None, channel: str | None, question: str, answer_text: str,
                    link: str | None) -> dict[str, Any]:
    """What the escalation channel receives: who asked where, the question, the bot's answer, the thread."""
    who = f"<@{user}>" if user else "Someone"
    where = f" in <#{channel}>" if channel and channel[:1] in "CG" else ""
    body = answer_text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    question_block = _section(clip(f"*Question:* {slack_escape(question)}", SLACK_SECTION_LIMIT))
    answer_block = _section(clip(f"*The bot's answer:*\n{slack_escape(body)}", SLACK_SECTION_LIMIT))
    thread = f"<{link}|Open the thread>" if link else "No link: it was asked privately (slash command) or in a DM."
    text = f"{who} asked for a pharmacist to check an answer{where}."
    return {"text": clip(f"{text} Question: {slack_escape(question)}", SLACK_SECTION_LIMIT),
            "blocks": [_section(text), question_block, answer_block, _context(thread)]}


def passed_on(escalation_channel: str) -> str:
    return f"Thanks: your question and the bot's answer were passed on to a pharmacist in <#{escalation_channel}>."
