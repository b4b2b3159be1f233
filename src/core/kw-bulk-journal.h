/* kw-bulk-journal.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What the journal knows of one username: the last outcome recorded. */
typedef struct
{
  gboolean    done;         /* FALSE: failed */
  const char *error_name;   /* nullable: the error's name, as in the audit log */
  const char *request_id;   /* nullable */
  GDateTime  *time;         /* nullable: when the row ended */
} KwBulkJournalEntry;

#define KW_TYPE_BULK_JOURNAL (kw_bulk_journal_get_type ())

G_DECLARE_FINAL_TYPE (KwBulkJournal, kw_bulk_journal, KW, BULK_JOURNAL, GObject)

/* The resume journal of a bulk reset: which rows of one file, run against
 * one user pool, have ended. It lives in `$XDG_STATE_HOME/keyway/bulk/`
 * (folder 0700, file 0600), named after the SHA-256 of the file's checksum
 * and the pool id, so that another file or another pool never reuses it.
 * JSON lines: a header naming the pool and checksum, then one line per
 * ended row (username, outcome, error name, request id, time). Nothing
 * secret is in it.
 *
 * Each line is one write(2) on a file opened with O_APPEND, made as soon as
 * the row ends (on a worker thread, in order), without fsync: a crash of
 * the app loses at most the rows whose answers had not been written yet.
 * Those rows are sent again on resume; for AdminResetUserPassword that only
 * sends the user a fresh code (the earlier one stops working), it resets
 * nothing twice over. A cancel loses nothing: kw_bulk_reset_run_async()
 * returns only once the journal has written every ended row.
 *
 * Use: kw_bulk_journal_open_async() after the file was read; if
 * kw_bulk_journal_is_unfinished(), offer to resume (n-done and n-failed say
 * how far it got) or to start over (kw_bulk_journal_discard_async()). Then
 * kw_bulk_reset_set_journal() marks the rows already done, and records every
 * row that ends; when a run ends with every row done, the bulk reset removes
 * the journal.
 *
 * Lines that cannot be read (a torn last line, garbage) are skipped and
 * counted; a journal whose header is missing or names another pool or file
 * is ignored (every row is to do) and replaced on the first record.
 *
 * Read-only properties: file, checksum, user-pool-id, n-done, n-failed
 * (usernames whose last outcome is done / failed), n-skipped-lines. */

/* Reads the journal for @checksum (kw_bulk_csv_get_checksum()) and
 * @user_pool_id, if there is one, on a worker thread. A missing journal is
 * an empty one, not an error; an unreadable one is a G_IO_ERROR. @folder
 * (nullable) replaces `$XDG_STATE_HOME/keyway/bulk`. Nothing is created
 * until the first record. */
void           kw_bulk_journal_open_async         (const char          *checksum,
                                                   const char          *user_pool_id,
                                                   GFile               *folder,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
KwBulkJournal *kw_bulk_journal_open_finish        (GAsyncResult        *result,
                                                   GError             **error);

GFile         *kw_bulk_journal_get_file           (KwBulkJournal       *self);
const char    *kw_bulk_journal_get_checksum       (KwBulkJournal       *self);
const char    *kw_bulk_journal_get_user_pool_id   (KwBulkJournal       *self);
guint          kw_bulk_journal_get_n_done         (KwBulkJournal       *self);
guint          kw_bulk_journal_get_n_failed       (KwBulkJournal       *self);
guint          kw_bulk_journal_get_n_skipped_lines (KwBulkJournal      *self);
/* TRUE when an earlier run recorded at least one row: offer to resume. */
gboolean       kw_bulk_journal_is_unfinished      (KwBulkJournal       *self);
/* The last outcome recorded for @username, or %NULL when none: owned by the
 * journal, valid until the next record or discard. */
const KwBulkJournalEntry *
               kw_bulk_journal_lookup             (KwBulkJournal       *self,
                                                   const char          *username);

/* Records that @username's row ended: done, or failed with @error_name.
 * Updates the lookup at once and queues the line; @time (nullable) is now
 * when %NULL. Write errors do not stop anything: the first is kept, see
 * kw_bulk_journal_get_error(). */
void           kw_bulk_journal_record             (KwBulkJournal       *self,
                                                   const char          *username,
                                                   gboolean             done,
                                                   const char          *error_name,
                                                   const char          *request_id,
                                                   GDateTime           *time);
/* The first write error, or %NULL: a resume after a crash would not know
 * the rows recorded since. */
const GError  *kw_bulk_journal_get_error          (KwBulkJournal       *self);

/* Completes once every line recorded before the call is written; FALSE with
 * the write error if one was not. */
void           kw_bulk_journal_flush_async        (KwBulkJournal       *self,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean       kw_bulk_journal_flush_finish       (KwBulkJournal       *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
/* Start over, or done: removes the file (after the lines queued before the
 * call) and forgets every entry. A later record starts a new file. */
void           kw_bulk_journal_discard_async      (KwBulkJournal       *self,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean       kw_bulk_journal_discard_finish     (KwBulkJournal       *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

G_END_DECLS
