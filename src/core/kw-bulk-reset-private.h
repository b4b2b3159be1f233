/* kw-bulk-reset-private.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kw-bulk-reset.h"

#include "kw-bulk-pace-private.h"

G_BEGIN_DECLS

/* Shared by kw-bulk-reset.c (rows, counts, settings) and
 * kw-bulk-reset-run.c (the run). */
struct _KwBulkReset
{
  GObject         parent_instance;

  KwHelpdesk     *helpdesk;
  GPtrArray      *rows;
  guint           concurrency;
  guint           max_requeues;
  guint           by_state[KW_BULK_ROW_FAILED + 1];
  guint           done;          /* as last notified */
  guint           failed;
  guint           remaining;
  gboolean        paused;
  double          seconds_left;  /* as last notified */
  KwBulkJournal  *journal;

  /* The run, while there is one. */
  GTask          *task;
  GQueue          queue;         /* rows to send, borrowed from @rows */
  guint           in_flight;
  gboolean        stopping;      /* cancelled: send nothing more */
  gboolean        finishing;     /* nothing left: writing the journal */
  GSource        *pace_source;
  GSource        *cancel_source;
  KwBulkPace     *pace;
  KwBulkEta      *eta;
};

/* In kw-bulk-reset.c. The run keeps a count of rows per state, so a row's
 * state changes only through kw_bulk_reset_set_row_state(). */
void kw_bulk_reset_set_row_state       (KwBulkReset    *self,
                                        KwBulkResetRow *row,
                                        KwBulkRowState  state);
/* A row ended, done or failed: records it, updates the counts and the time
 * left, and emits "progress". */
void kw_bulk_reset_end_row             (KwBulkReset    *self,
                                        KwBulkResetRow *row,
                                        KwBulkRowState  state,
                                        const GError   *error);
void kw_bulk_reset_notify_counts       (KwBulkReset    *self);
void kw_bulk_reset_update_seconds_left (KwBulkReset    *self);
void kw_bulk_reset_notify_running      (KwBulkReset    *self);

/* In kw-bulk-reset-run.c: sends what the concurrency, the pace and a pause
 * allow, and ends the run when nothing is left. Only while running. */
void kw_bulk_reset_dispatch            (KwBulkReset    *self);

/* The row's setters, implemented in kw-bulk-reset-row.c for the run in
 * kw-bulk-reset.c. Each notifies only on change. The run keeps a count of
 * rows per state, so it alone changes a row's state. */
KwBulkResetRow *kw_bulk_reset_row_new            (const char     *username);
void            kw_bulk_reset_row_set_state      (KwBulkResetRow *self,
                                                  KwBulkRowState  state);
void            kw_bulk_reset_row_set_error      (KwBulkResetRow *self,
                                                  const GError   *error);
/* A %NULL request id keeps the last one: an answer without an id says
 * nothing about the earlier ones. */
void            kw_bulk_reset_row_set_request_id (KwBulkResetRow *self,
                                                  const char     *request_id);
void            kw_bulk_reset_row_add_attempt    (KwBulkResetRow *self);
/* Throttled answers met in the current run; not a property. */
guint           kw_bulk_reset_row_get_requeues   (KwBulkResetRow *self);
void            kw_bulk_reset_row_set_requeues   (KwBulkResetRow *self,
                                                  guint           requeues);

void            kw_bulk_reset_row_set_time       (KwBulkResetRow *self,
                                                  GDateTime      *time);
/* An error for a row that failed in an earlier run, from the name
 * kw_bulk_reset_row_dup_error_name() gave it: the same code and name. */
GError         *kw_bulk_reset_error_from_name    (const char     *name,
                                                  const char     *request_id);

G_END_DECLS
