"""The store's tables (SQLAlchemy 2). docs/store.md describes them; Alembic migrations create them.

Amounts are kept as their exact decimal text (SQLite has no exact decimal type), and read back as Decimal.
A report is one file, known by the SHA-256 of its bytes: the same file ingested twice is one row.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Report(Base):
    """One file: what juesuan read of it, or why it could not (status "unreadable" and the reason)."""

    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    file_name: Mapped[str] = mapped_column(String(500))
    source: Mapped[str] = mapped_column(Text)  # the path it was ingested from
    status: Mapped[str] = mapped_column(String(20))  # "checked" or "unreadable"
    reason: Mapped[str | None] = mapped_column(Text)  # why it could not be read
    organisation: Mapped[str | None] = mapped_column(String(300))  # as the report writes it
    org_key: Mapped[str | None] = mapped_column(String(300), index=True)  # normalised, aliases applied
    region: Mapped[str | None] = mapped_column(String(100), index=True)
    level: Mapped[str | None] = mapped_column(String(20))  # 省级 市级 县级, when the name says
    year: Mapped[int | None] = mapped_column(Integer, index=True)
    kind: Mapped[str | None] = mapped_column(String(50))
    layout: Mapped[str | None] = mapped_column(String(50))
    pages: Mapped[int | None] = mapped_column(Integer)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    warnings: Mapped[int] = mapped_column(Integer, default=0)
    infos: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[str] = mapped_column(String(50))  # juesuan's version …
    rule_set: Mapped[str] = mapped_column(String(50))  # … and rule set that produced the findings
    notes: Mapped[str] = mapped_column(Text, default="")  # the check's notes, one a line
    ingested_at: Mapped[datetime] = mapped_column()
    score: Mapped[str | None] = mapped_column(String(10))  # the disclosure score out of 100 (store/score.py)
    score_judged: Mapped[str | None] = mapped_column(String(10))  # the points that could be judged, of 100
    score_method: Mapped[str | None] = mapped_column(String(10))  # score.METHOD that made it

    figures: Mapped[list[StoredFigure]] = relationship(back_populates="report", cascade="all, delete-orphan",
                                                       passive_deletes=True)
    findings: Mapped[list[StoredFinding]] = relationship(back_populates="report", cascade="all, delete-orphan",
                                                         passive_deletes=True)
    ledger: Mapped[list[LedgerEntry]] = relationship(back_populates="report", cascade="all, delete-orphan",
                                                     passive_deletes=True)
    key_figures: Mapped[list[KeyFigure]] = relationship(back_populates="report", cascade="all, delete-orphan",
                                                        passive_deletes=True)
    score_points: Mapped[list[ScorePoint]] = relationship(back_populates="report", cascade="all, delete-orphan",
                                                          passive_deletes=True)
    stored_source: Mapped[Source | None] = relationship(back_populates="report", cascade="all, delete-orphan",
                                                        passive_deletes=True)


class StoredFigure(Base):
    """A figure as the report states it, with its path in the Disclosure model."""

    __tablename__ = "figures"
    __table_args__ = (Index("ix_figures_report_path", "report_id", "path"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"))
    path: Mapped[str] = mapped_column(String(500))
    value: Mapped[str] = mapped_column(String(60))  # exact decimal text
    unit: Mapped[str | None] = mapped_column(String(20))
    raw: Mapped[str] = mapped_column(String(200))
    line: Mapped[int | None] = mapped_column(Integer)
    page: Mapped[int | None] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    sentence: Mapped[str] = mapped_column(Text, default="")

    report: Mapped[Report] = relationship(back_populates="figures")


class StoredFinding(Base):
    __tablename__ = "findings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    rule: Mapped[str] = mapped_column(String(10), index=True)
    severity: Mapped[str] = mapped_column(String(10))
    message: Mapped[str] = mapped_column(Text)
    line: Mapped[int | None] = mapped_column(Integer)
    page: Mapped[int | None] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    evidence: Mapped[str | None] = mapped_column(Text)
    expected: Mapped[str | None] = mapped_column(Text)
    actual: Mapped[str | None] = mapped_column(Text)
    related: Mapped[str | None] = mapped_column(Text)  # JSON list of locations (revision 0005)

    report: Mapped[Report] = relationship(back_populates="findings")


class KeyFigure(Base):
    """One of the key figures of store/keys.py, worked out at ingest so that comparing thousands of reports
    reads a few rows a report instead of all its figures."""

    __tablename__ = "key_figures"
    __table_args__ = (UniqueConstraint("report_id", "label"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"))
    label: Mapped[str] = mapped_column(String(50))
    value: Mapped[str] = mapped_column(String(60))  # exact decimal text

    report: Mapped[Report] = relationship(back_populates="key_figures")


class LedgerEntry(Base):
    """What each rule did with the report: passed, failed, not applicable, insufficient data."""

    __tablename__ = "ledger"
    __table_args__ = (UniqueConstraint("report_id", "rule"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"))
    rule: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(30))

    report: Mapped[Report] = relationship(back_populates="ledger")


class ScorePoint(Base):
    """A point of the disclosure score lost (part 完整性, 详细程度 or 准确一致) or not judged (part 未评),
    with what lost it: the missing item, or the rule and its finding's message and place."""

    __tablename__ = "score_points"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    part: Mapped[str] = mapped_column(String(20))
    item: Mapped[str] = mapped_column(String(100))
    points: Mapped[str] = mapped_column(String(10))  # exact decimal text; 0 for what was not judged
    reason: Mapped[str] = mapped_column(Text)
    line: Mapped[int | None] = mapped_column(Integer)
    page: Mapped[int | None] = mapped_column(Integer)

    report: Mapped[Report] = relationship(back_populates="score_points")


class Source(Base):
    """The check's whole Outcome as compressed JSON (the text findings point into, every figure), so that a stored report
    can be reviewed and downloaded again without the file; and the file itself when it was uploaded through
    the web application (its PDF pages are shown with each finding boxed)."""

    __tablename__ = "sources"

    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True)
    outcome: Mapped[bytes] = mapped_column(LargeBinary)  # zlib-compressed JSON; empty when there is none
    content: Mapped[bytes | None] = mapped_column(LargeBinary)
    suffix: Mapped[str | None] = mapped_column(String(10))  # the file's kind as sniffed: .pdf .docx …

    report: Mapped[Report] = relationship(back_populates="stored_source")
