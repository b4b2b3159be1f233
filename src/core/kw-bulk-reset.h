/* kw-bulk-reset.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kw-bulk-journal.h"
#include "kw-helpdesk.h"

G_BEGIN_DECLS

#define KW_BULK_RESET_DEFAULT_CONCURRENCY 4

typedef enum
{
  KW_BULK_ROW_PENDING,
  KW_BULK_ROW_RUNNING,
  KW_BULK_ROW_DONE,
  KW_BULK_ROW_FAILED,
} KwBulkRowState;

#define KW_TYPE_BULK_RESET_ROW (kw_bulk_reset_row_get_type ())

G_DECLARE_FINAL_TYPE (KwBulkResetRow, kw_bulk_reset_row, KW, BULK_RESET_ROW, GObject)

/* One username's result. Properties: username, state, error (GError,
 * nullable: why it failed), request-id, attempts (requests sent for it),
 * time (GDateTime, nullable: when it last ended, or when the journal says
 * it did). */
const char     *kw_bulk_reset_row_get_username   (KwBulkResetRow *self);
KwBulkRowState  kw_bulk_reset_row_get_state      (KwBulkResetRow *self);
const GError   *kw_bulk_reset_row_get_error      (KwBulkResetRow *self);
const char     *kw_bulk_reset_row_get_request_id (KwBulkResetRow *self);
guint           kw_bulk_reset_row_get_attempts   (KwBulkResetRow *self);
GDateTime      *kw_bulk_reset_row_get_time       (KwBulkResetRow *self);
/* The error's name as the audit log and the journal write it: the service's
 * name (`UserNotFoundException`), or one for a local or transport failure
 * (`Timeout`, `ConnectionReset`); %NULL when the row has no error. */
char           *kw_bulk_reset_row_dup_error_name (KwBulkResetRow *self);

#define KW_TYPE_BULK_RESET (kw_bulk_reset_get_type ())

G_DECLARE_FINAL_TYPE (KwBulkReset, kw_bulk_reset, KW, BULK_RESET, GObject)

/* AdminResetUserPassword over a list of usernames, as a GListModel of
 * KwBulkResetRow in the list's order (duplicates and blank lines dropped).
 * At most `concurrency` requests are in flight; when the service throttles
 * (TooManyRequests, Throttling) the pace slows and the row waits its turn
 * again instead of failing. A row is sent again only when the service said
 * it did nothing (throttled), so no user is ever reset twice in one run.
 *
 * Properties: helpdesk (construct-only), concurrency, max-requeues (how many
 * throttled answers a row may meet in one run before it fails; 20), running,
 * paused, done, failed, remaining, seconds-left (double), journal. Signal
 * "progress" (guint done, guint failed, guint remaining) after every row
 * that ends. */
KwBulkReset *kw_bulk_reset_new            (KwHelpdesk          *helpdesk,
                                           const char * const  *usernames);
/* Reads usernames from text: one per line, blanks and # comments skipped. */
char       **kw_bulk_reset_parse_usernames (const char         *text);
void         kw_bulk_reset_set_concurrency (KwBulkReset        *self,
                                            guint               concurrency);
guint        kw_bulk_reset_get_done       (KwBulkReset         *self);
guint        kw_bulk_reset_get_failed     (KwBulkReset         *self);
guint        kw_bulk_reset_get_remaining  (KwBulkReset         *self);
gboolean     kw_bulk_reset_get_running    (KwBulkReset         *self);

/* Pausing stops sending: requests in flight finish and keep their result,
 * throttled ones go back to the queue, and the run stays on (running is
 * TRUE) until it is resumed or cancelled. A bulk reset paused before a run
 * starts it paused. */
void         kw_bulk_reset_set_paused     (KwBulkReset         *self,
                                           gboolean             paused);
gboolean     kw_bulk_reset_get_paused     (KwBulkReset         *self);
/* Seconds until every remaining row has ended at the rate rows ended over
 * the last 30 seconds of the run (time paused left out), or -1 when unknown:
 * not running, or fewer than 3 rows ended in that window of this run.
 * Updated (and notified) when a row ends, on pause and when a run starts or
 * ends; 0 when nothing remains. */
double       kw_bulk_reset_get_seconds_left (KwBulkReset       *self);

/* Resume after a cancel or a crash. Rows the journal records as done become
 * DONE (with its request id and time), rows it records as failed become
 * FAILED (with an error of that name); a run skips the first and retries
 * the second, as after any run. From then on every row that ends is
 * recorded, and a run that ends with every row done removes the journal
 * (kw_bulk_journal_discard_async()). A run returns only after the journal
 * has written its rows. %NULL stops recording. Not while running. */
void           kw_bulk_reset_set_journal  (KwBulkReset         *self,
                                           KwBulkJournal       *journal);
KwBulkJournal *kw_bulk_reset_get_journal  (KwBulkReset         *self);

/* The results as CSV: a header `username,outcome,error,request_id,time`,
 * then one line per row in order, with outcome `done`, `failed` or
 * `pending` (a row in flight is pending), the error's name
 * (kw_bulk_reset_row_dup_error_name()) and the time the row ended (RFC
 * 3339, UTC, milliseconds; empty for pending rows). CRLF line ends, RFC
 * 4180 quoting. */
char        *kw_bulk_reset_to_csv         (KwBulkReset         *self);
/* Writes kw_bulk_reset_to_csv() to @stream (left open). */
void         kw_bulk_reset_export_async   (KwBulkReset         *self,
                                           GOutputStream       *stream,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean     kw_bulk_reset_export_finish  (KwBulkReset         *self,
                                           GAsyncResult        *result,
                                           GError             **error);
/* Writes kw_bulk_reset_to_csv() to @file, replacing it (atomically, through
 * a temporary file). */
void         kw_bulk_reset_save_async     (KwBulkReset         *self,
                                           GFile               *file,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean     kw_bulk_reset_save_finish    (KwBulkReset         *self,
                                           GAsyncResult        *result,
                                           GError             **error);

/* Runs every row that is not DONE (a rerun retries failed and unfinished rows
 * and skips done ones). Cancelling stops sending; rows in flight finish and
 * keep their result, rows not started stay PENDING. Returns FALSE with
 * G_IO_ERROR_CANCELLED when cancelled, TRUE otherwise (failed rows are
 * results, not an error). */
void         kw_bulk_reset_run_async      (KwBulkReset         *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean     kw_bulk_reset_run_finish     (KwBulkReset         *self,
                                           GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS
