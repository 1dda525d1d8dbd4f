"""One error tree: every expected failure is an `IntegtoolError` with one clear sentence.

Sentences are worded where they are raised, in the UI language (`integtool.i18n._`), which is
active before any command runs.
"""

from integtool.exitcodes import ExitCode
from integtool.i18n import N_, Said, _, english_text
from integtool.redaction import redact

_OS_REASONS = frozenset({
    N_("No such file or directory"), N_("Permission denied"), N_("Operation not permitted"),
    N_("No space left on device"), N_("Is a directory"), N_("Not a directory"),
    N_("Read-only file system"), N_("File exists"), N_("Disk quota exceeded"),
    N_("File name too long"), N_("Directory not empty"), N_("Too many open files"),
})  # fmt: skip
"""The operating system's words for the usual file problems (its `strerror`, in English)."""


def os_reason(error: OSError) -> str:
    """Why a file operation failed, in the UI language where the words are known."""
    reason = error.strerror or str(error)
    return _(reason) if reason in _OS_REASONS else reason


class IntegtoolError(Exception):
    """Base of every expected failure; `str(error)` is the sentence the user sees, with every
    configured secret masked (servers and libraries put outside text into these sentences)."""

    exit_code: ExitCode = ExitCode.USAGE

    def __str__(self) -> str:
        return redact(super().__str__())

    @property
    def said(self) -> Said:
        """The sentence as people read it, keeping its English for machine output."""
        return Said(str(self), self.english)

    @property
    def english(self) -> str:
        """The sentence in English whatever the UI language (for JSON and CSV), masked too."""
        message = self.args[0] if len(self.args) == 1 else None
        return redact(english_text(message)) if isinstance(message, str) else str(self)


class UsageError(IntegtoolError):
    """Bad option, bad argument or bad input file."""

    exit_code = ExitCode.USAGE


class ConfigError(IntegtoolError):
    """The configuration file or environment is invalid."""

    exit_code = ExitCode.USAGE


class ContentError(IntegtoolError):
    """The content API is unreachable, failing or answering something unusable."""

    exit_code = ExitCode.SERVER


class ContentFormatError(ContentError):
    """The content API answered, but with data that does not have the expected shape."""


class ContentAuthError(ContentError):
    """The content API refused a token (401/403)."""


class NotFoundError(ContentError):
    """The content API does not know the requested region or language (bad input)."""

    exit_code = ExitCode.USAGE


class ProviderError(IntegtoolError):
    """A translation provider failed (auth, quota, unsupported language)."""

    exit_code = ExitCode.PROVIDER


class InsecureTransportError(UsageError):
    """A secret would travel over plain http to a host that is not loopback."""


class StatisticsError(IntegtoolError):
    """The statistics server (Matomo) is unreachable, failing or refusing the token."""

    exit_code = ExitCode.SERVER


class MailError(IntegtoolError):
    """The mail server is unreachable, refuses the login or the recipients, or TLS fails."""

    exit_code = ExitCode.SERVER


class StateError(IntegtoolError):
    """The state file cannot be opened, read or written (e.g. a full disk)."""

    exit_code = ExitCode.USAGE


class RunTimeout(IntegtoolError):
    """The whole run took longer than `[http] run_timeout`."""

    exit_code = ExitCode.SERVER


def machine_sentence(error: BaseException) -> str:
    """Why `error` happened as machine output writes it: English in every UI language."""
    return error.english if isinstance(error, IntegtoolError) else redact(str(error))
