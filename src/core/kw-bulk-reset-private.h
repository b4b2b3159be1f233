/* kw-bulk-reset-private.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kw-bulk-reset.h"

G_BEGIN_DECLS

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

G_END_DECLS
