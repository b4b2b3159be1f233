/* kw-bulk-reset.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

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
 * nullable: why it failed), request-id, attempts (requests sent for it). */
const char     *kw_bulk_reset_row_get_username   (KwBulkResetRow *self);
KwBulkRowState  kw_bulk_reset_row_get_state      (KwBulkResetRow *self);
const GError   *kw_bulk_reset_row_get_error      (KwBulkResetRow *self);
const char     *kw_bulk_reset_row_get_request_id (KwBulkResetRow *self);
guint           kw_bulk_reset_row_get_attempts   (KwBulkResetRow *self);

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
 * done, failed, remaining. Signal "progress" (guint done, guint failed,
 * guint remaining) after every row that ends. */
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
