/* kw-bulk-reset-run.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-bulk-reset-private.h"

/* AdminResetUserPassword over a list, as fast as the pool's quota allows and
 * no faster.
 *
 * The quota is not known in advance: the dispatcher learns it as it goes,
 * through the pace in kw-bulk-pace.c.
 *
 * A throttled row did nothing, so it waits its turn again (up to
 * `max-requeues` times in one run). Every other answer is final, and so is
 * a timeout or a dropped connection, after which the reset may have
 * happened: a row is never sent twice in one run unless the service said it
 * did nothing. To keep it that way, the client makes one attempt per call
 * while a run is on, since its own retries would resend after a dropped
 * connection. */

/* One request in flight. */
typedef struct
{
  KwBulkReset    *self;
  KwBulkResetRow *row;
  gint64          sent_us;
} Attempt;

static void
attempt_free (Attempt *attempt)
{
  g_clear_object (&attempt->self);
  g_clear_object (&attempt->row);
  g_free (attempt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Attempt, attempt_free)

/* The client's own retries, off while a run is on. Several runs may share a
 * client, so the setting is restored when the last one ends. */

typedef struct
{
  guint runs;
  guint saved_max_attempts;
} RetryHold;

static GQuark
retry_hold_quark (void)
{
  return g_quark_from_static_string ("kw-bulk-reset-retry-hold");
}

static void
hold_client_retries (KwCognitoClient *client)
{
  RetryHold *hold = g_object_get_qdata (G_OBJECT (client), retry_hold_quark ());

  if (hold == NULL)
    {
      hold = g_new0 (RetryHold, 1);
      g_object_get (client, "max-attempts", &hold->saved_max_attempts, NULL);
      g_object_set_qdata_full (G_OBJECT (client), retry_hold_quark (), hold, g_free);
      g_object_set (client, "max-attempts", 1, NULL);
    }

  hold->runs++;
}

static void
release_client_retries (KwCognitoClient *client)
{
  RetryHold *hold = g_object_get_qdata (G_OBJECT (client), retry_hold_quark ());

  g_assert (hold != NULL && hold->runs > 0);

  if (--hold->runs > 0)
    return;

  g_object_set (client, "max-attempts", hold->saved_max_attempts, NULL);
  g_object_set_qdata (G_OBJECT (client), retry_hold_quark (), NULL);
}

/* Sending */

static gboolean
is_throttling (const GError *error)
{
  return g_error_matches (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_TOO_MANY_REQUESTS) ||
         g_error_matches (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_THROTTLING);
}

static void
reset_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(Attempt) attempt = user_data;
  KwBulkReset *self = attempt->self;
  KwBulkResetRow *row = attempt->row;
  g_autoptr(GError) error = NULL;
  g_autofree char *request_id = NULL;
  gint64 now = g_get_monotonic_time ();

  g_assert (self->in_flight > 0);
  self->in_flight--;

  if (kw_helpdesk_reset_finish (KW_HELPDESK (object), result, &request_id, &error))
    {
      kw_bulk_pace_record_accepted (self->pace, now);
      kw_bulk_reset_row_set_request_id (row, request_id);
      kw_bulk_reset_end_row (self, row, KW_BULK_ROW_DONE, NULL);
    }
  else if (is_throttling (error))
    {
      guint requeues = kw_bulk_reset_row_get_requeues (row);

      kw_bulk_reset_row_set_request_id (row, kw_cognito_error_get_request_id (error));
      kw_bulk_pace_slow_down (self->pace, attempt->sent_us, g_get_monotonic_time ());

      if (requeues < self->max_requeues)
        {
          /* The service did nothing: the row goes back to the front, so
           * that the list still ends in roughly its own order. */
          kw_bulk_reset_row_set_requeues (row, requeues + 1);
          kw_bulk_reset_set_row_state (self, row, KW_BULK_ROW_PENDING);
          g_queue_push_head (&self->queue, row);
        }
      else
        {
          kw_bulk_reset_end_row (self, row, KW_BULK_ROW_FAILED, error);
        }
    }
  else
    {
      /* An answer from the service used a token of the quota; a transport
       * failure tells nothing about it. */
      if (kw_cognito_error_get_http_status (error) != 0)
        kw_bulk_pace_record_accepted (self->pace, now);
      kw_bulk_reset_row_set_request_id (row, kw_cognito_error_get_request_id (error));
      kw_bulk_reset_end_row (self, row, KW_BULK_ROW_FAILED, error);
    }

  kw_bulk_reset_dispatch (self);
}

static void
send_row (KwBulkReset    *self,
          KwBulkResetRow *row,
          gint64          now)
{
  Attempt *attempt = g_new0 (Attempt, 1);

  attempt->self = g_object_ref (self);
  attempt->row = g_object_ref (row);
  attempt->sent_us = now;

  self->in_flight++;
  kw_bulk_reset_set_row_state (self, row, KW_BULK_ROW_RUNNING);
  kw_bulk_reset_row_add_attempt (row);

  /* No cancellable: a cancelled run lets requests in flight finish, so that
   * each keeps its real outcome. */
  kw_helpdesk_reset_async (self->helpdesk, kw_bulk_reset_row_get_username (row), NULL,
                           NULL, reset_cb, attempt);
}

static void
complete_run (KwBulkReset *self)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);
  gboolean cancelled = self->stopping;

  self->finishing = FALSE;
  self->stopping = FALSE;
  kw_bulk_reset_notify_counts (self);
  kw_bulk_reset_update_seconds_left (self);
  kw_bulk_reset_notify_running (self);

  if (cancelled)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             "The bulk reset was cancelled");
  else
    g_task_return_boolean (task, TRUE);
}

static void
journal_discarded_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(KwBulkReset) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!kw_bulk_journal_discard_finish (KW_BULK_JOURNAL (object), result, &error))
    g_debug ("Bulk reset: the finished journal stays: %s", error->message);

  complete_run (self);
}

static void
journal_flushed_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(KwBulkReset) self = user_data;
  KwBulkJournal *journal = KW_BULK_JOURNAL (object);
  g_autoptr(GError) error = NULL;

  /* The journal keeps its error for the caller; the resets happened. */
  if (!kw_bulk_journal_flush_finish (journal, result, &error))
    g_debug ("Bulk reset: the journal is incomplete: %s", error->message);

  /* Nothing left to resume: a later run of the same file starts afresh.
   * Also after a write error, since a journal missing some rows would
   * offer to send them again. */
  if (self->by_state[KW_BULK_ROW_DONE] == self->rows->len)
    {
      kw_bulk_journal_discard_async (journal, NULL, journal_discarded_cb, g_object_ref (self));
      return;
    }

  complete_run (self);
}

/* Nothing is in flight and nothing more will be sent. The run ends once
 * the journal holds every row that ended, so that a crash right after the
 * callback loses nothing. */
static void
finish_run (KwBulkReset *self)
{
  self->finishing = TRUE;

  if (self->pace_source != NULL)
    {
      g_source_destroy (self->pace_source);
      g_clear_pointer (&self->pace_source, g_source_unref);
    }
  if (self->cancel_source != NULL)
    {
      g_source_destroy (self->cancel_source);
      g_clear_pointer (&self->cancel_source, g_source_unref);
    }

  /* Rows never sent stay pending, for the next run. */
  g_queue_clear (&self->queue);

  release_client_retries (kw_helpdesk_get_client (self->helpdesk));
  kw_bulk_eta_pause (self->eta, g_get_monotonic_time ());

  if (self->journal != NULL)
    {
      kw_bulk_journal_flush_async (self->journal, NULL, journal_flushed_cb, g_object_ref (self));
      return;
    }

  complete_run (self);
}

static gboolean
pace_cb (gpointer user_data)
{
  KwBulkReset *self = user_data;

  g_clear_pointer (&self->pace_source, g_source_unref);
  kw_bulk_reset_dispatch (self);

  return G_SOURCE_REMOVE;
}

static void
wait_for_pace (KwBulkReset *self,
               guint        delay_ms)
{
  self->pace_source = g_timeout_source_new (delay_ms);
  g_source_set_static_name (self->pace_source, "[keyway] bulk reset pace");
  g_source_set_callback (self->pace_source, pace_cb, self, NULL);
  g_source_attach (self->pace_source, g_task_get_context (self->task));
}

/* Sends what the concurrency and the pace allow, and ends the run when
 * nothing is left to send or wait for. */
void
kw_bulk_reset_dispatch (KwBulkReset *self)
{
  g_assert (self->task != NULL);

  if (self->finishing)
    return;

  /* The cancellable's source runs later; nothing goes out in between. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (self->task)))
    self->stopping = TRUE;

  while (!self->stopping && !self->paused && self->pace_source == NULL &&
         self->in_flight < self->concurrency && !g_queue_is_empty (&self->queue))
    {
      gint64 now = g_get_monotonic_time ();
      guint delay_ms = kw_bulk_pace_hold_back (self->pace, now);

      if (delay_ms > 0)
        {
          wait_for_pace (self, delay_ms);
          break;
        }

      kw_bulk_pace_advance (self->pace, now);
      send_row (self, g_queue_pop_head (&self->queue), now);
    }

  if (self->in_flight == 0 && (self->stopping || g_queue_is_empty (&self->queue)))
    finish_run (self);
}

static gboolean
cancelled_cb (GCancellable *cancellable,
              gpointer      user_data)
{
  KwBulkReset *self = user_data;

  g_clear_pointer (&self->cancel_source, g_source_unref);
  self->stopping = TRUE;

  if (self->pace_source != NULL)
    {
      g_source_destroy (self->pace_source);
      g_clear_pointer (&self->pace_source, g_source_unref);
    }

  kw_bulk_reset_dispatch (self);

  return G_SOURCE_REMOVE;
}

/**
 * kw_bulk_reset_run_async:
 * @self: a #KwBulkReset
 * @cancellable: (nullable): stops sending; requests in flight still finish
 * @callback: called when every row ended, or after a cancel once the
 *   requests in flight have answered
 * @user_data: data for @callback
 *
 * Resets every row that is not done, failed rows included. While the run is
 * on, the helpdesk's client makes a single attempt per call (its
 * #KwCognitoClient:max-attempts is restored afterwards), so that nothing but
 * a throttled answer is ever sent again.
 */
void
kw_bulk_reset_run_async (KwBulkReset         *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KW_IS_BULK_RESET (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kw_bulk_reset_run_async);
  /* A cancel that comes after the last row ended changes nothing. */
  g_task_set_check_cancellable (task, FALSE);

  if (self->task != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               "The bulk reset is already running");
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  for (guint i = 0; i < self->rows->len; i++)
    {
      KwBulkResetRow *row = g_ptr_array_index (self->rows, i);

      if (kw_bulk_reset_row_get_state (row) == KW_BULK_ROW_DONE)
        continue;

      kw_bulk_reset_row_set_requeues (row, 0);
      kw_bulk_reset_row_set_error (row, NULL);
      kw_bulk_reset_set_row_state (self, row, KW_BULK_ROW_PENDING);
      g_queue_push_tail (&self->queue, row);
    }

  self->task = g_steal_pointer (&task);
  kw_bulk_pace_restart (self->pace, g_get_monotonic_time ());
  kw_bulk_eta_start (self->eta, g_get_monotonic_time ());
  if (self->paused)
    kw_bulk_eta_pause (self->eta, g_get_monotonic_time ());
  kw_bulk_reset_update_seconds_left (self);
  hold_client_retries (kw_helpdesk_get_client (self->helpdesk));
  kw_bulk_reset_notify_counts (self);
  kw_bulk_reset_notify_running (self);

  if (cancellable != NULL)
    {
      self->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_static_name (self->cancel_source, "[keyway] bulk reset cancel");
      g_source_set_callback (self->cancel_source, G_SOURCE_FUNC (cancelled_cb), self, NULL);
      g_source_attach (self->cancel_source, g_task_get_context (self->task));
    }

  kw_bulk_reset_dispatch (self);
}

/**
 * kw_bulk_reset_run_finish:
 *
 * Returns: %TRUE when every row ended (failed ones included); %FALSE with
 *   %G_IO_ERROR_CANCELLED after a cancel
 */
gboolean
kw_bulk_reset_run_finish (KwBulkReset   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (KW_IS_BULK_RESET (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kw_bulk_reset_run_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
