/* kw-bulk-reset.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-bulk-reset-private.h"

#include "kw-bulk-pace-private.h"

#include <string.h>

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

#define DEFAULT_MAX_REQUEUES 20
#define MAX_CONCURRENCY 64

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

  /* The run, while there is one. */
  GTask          *task;
  GQueue          queue;         /* rows to send, borrowed from @rows */
  guint           in_flight;
  gboolean        stopping;      /* cancelled: send nothing more */
  GSource        *pace_source;
  GSource        *cancel_source;
  KwBulkPace     *pace;
};

static void kw_bulk_reset_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KwBulkReset, kw_bulk_reset, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      kw_bulk_reset_list_model_init))

enum {
  PROP_0,
  PROP_HELPDESK,
  PROP_CONCURRENCY,
  PROP_MAX_REQUEUES,
  PROP_RUNNING,
  PROP_DONE,
  PROP_FAILED,
  PROP_REMAINING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PROGRESS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

static GType
kw_bulk_reset_get_item_type (GListModel *model)
{
  return KW_TYPE_BULK_RESET_ROW;
}

static guint
kw_bulk_reset_get_n_items (GListModel *model)
{
  return KW_BULK_RESET (model)->rows->len;
}

static gpointer
kw_bulk_reset_get_item (GListModel *model,
                        guint       position)
{
  KwBulkReset *self = KW_BULK_RESET (model);

  if (position >= self->rows->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->rows, position));
}

static void
kw_bulk_reset_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = kw_bulk_reset_get_item_type;
  iface->get_n_items = kw_bulk_reset_get_n_items;
  iface->get_item = kw_bulk_reset_get_item;
}

static void
kw_bulk_reset_dispose (GObject *object)
{
  KwBulkReset *self = KW_BULK_RESET (object);

  /* A run holds a reference to the object, so none is on here. */
  g_assert (self->task == NULL);

  g_clear_object (&self->helpdesk);

  G_OBJECT_CLASS (kw_bulk_reset_parent_class)->dispose (object);
}

static void
kw_bulk_reset_finalize (GObject *object)
{
  KwBulkReset *self = KW_BULK_RESET (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->pace, kw_bulk_pace_free);

  G_OBJECT_CLASS (kw_bulk_reset_parent_class)->finalize (object);
}

static void
kw_bulk_reset_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KwBulkReset *self = KW_BULK_RESET (object);

  switch (prop_id)
    {
    case PROP_HELPDESK:
      g_value_set_object (value, self->helpdesk);
      break;
    case PROP_CONCURRENCY:
      g_value_set_uint (value, self->concurrency);
      break;
    case PROP_MAX_REQUEUES:
      g_value_set_uint (value, self->max_requeues);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->task != NULL);
      break;
    case PROP_DONE:
      g_value_set_uint (value, self->done);
      break;
    case PROP_FAILED:
      g_value_set_uint (value, self->failed);
      break;
    case PROP_REMAINING:
      g_value_set_uint (value, self->remaining);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void dispatch (KwBulkReset *self);

static void
kw_bulk_reset_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KwBulkReset *self = KW_BULK_RESET (object);

  switch (prop_id)
    {
    case PROP_HELPDESK:
      self->helpdesk = g_value_dup_object (value);
      break;
    case PROP_CONCURRENCY:
      kw_bulk_reset_set_concurrency (self, g_value_get_uint (value));
      break;
    case PROP_MAX_REQUEUES:
      if (self->max_requeues != g_value_get_uint (value))
        {
          self->max_requeues = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_bulk_reset_class_init (KwBulkResetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kw_bulk_reset_dispose;
  object_class->finalize = kw_bulk_reset_finalize;
  object_class->get_property = kw_bulk_reset_get_property;
  object_class->set_property = kw_bulk_reset_set_property;

  properties[PROP_HELPDESK] =
    g_param_spec_object ("helpdesk", NULL, NULL, KW_TYPE_HELPDESK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * KwBulkReset:concurrency:
   *
   * At most this many requests in flight. A change applies at once.
   */
  properties[PROP_CONCURRENCY] =
    g_param_spec_uint ("concurrency", NULL, NULL, 1, MAX_CONCURRENCY,
                       KW_BULK_RESET_DEFAULT_CONCURRENCY,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * KwBulkReset:max-requeues:
   *
   * How many throttled answers a row may meet in one run before it fails
   * with the throttling error.
   */
  properties[PROP_MAX_REQUEUES] =
    g_param_spec_uint ("max-requeues", NULL, NULL, 0, 1000, DEFAULT_MAX_REQUEUES,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DONE] =
    g_param_spec_uint ("done", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FAILED] =
    g_param_spec_uint ("failed", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * KwBulkReset:remaining:
   *
   * Rows neither done nor failed: waiting or in flight.
   */
  properties[PROP_REMAINING] =
    g_param_spec_uint ("remaining", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KwBulkReset::progress:
   * @self: the bulk reset
   * @done: rows done
   * @failed: rows failed
   * @remaining: rows neither done nor failed
   *
   * A row ended, done or failed.
   */
  signals[PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);
}

static void
kw_bulk_reset_init (KwBulkReset *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->concurrency = KW_BULK_RESET_DEFAULT_CONCURRENCY;
  self->max_requeues = DEFAULT_MAX_REQUEUES;
  self->pace = kw_bulk_pace_new ();
  g_queue_init (&self->queue);
}

static void
notify_counts (KwBulkReset *self)
{
  guint done = self->by_state[KW_BULK_ROW_DONE];
  guint failed = self->by_state[KW_BULK_ROW_FAILED];
  guint remaining = self->by_state[KW_BULK_ROW_PENDING] + self->by_state[KW_BULK_ROW_RUNNING];

  if (self->done != done)
    {
      self->done = done;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
    }
  if (self->failed != failed)
    {
      self->failed = failed;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAILED]);
    }
  if (self->remaining != remaining)
    {
      self->remaining = remaining;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMAINING]);
    }
}

static void
set_row_state (KwBulkReset    *self,
               KwBulkResetRow *row,
               KwBulkRowState  state)
{
  KwBulkRowState old = kw_bulk_reset_row_get_state (row);

  if (old == state)
    return;

  self->by_state[old]--;
  self->by_state[state]++;
  kw_bulk_reset_row_set_state (row, state);
}

/* A row ended: its state is final for this run. */
static void
end_row (KwBulkReset    *self,
         KwBulkResetRow *row,
         KwBulkRowState  state,
         const GError   *error)
{
  kw_bulk_reset_row_set_error (row, error);
  set_row_state (self, row, state);
  notify_counts (self);
  g_signal_emit (self, signals[PROGRESS], 0, self->done, self->failed, self->remaining);
}

/**
 * kw_bulk_reset_new:
 * @helpdesk: the helpdesk whose reset each row uses (and is audited by)
 * @usernames: (array zero-terminated=1): the usernames, in order
 *
 * White space around each username is dropped, and so are blank entries and
 * repeats of an earlier one.
 *
 * Returns: (transfer full): a new bulk reset with every row pending
 */
KwBulkReset *
kw_bulk_reset_new (KwHelpdesk         *helpdesk,
                   const char * const *usernames)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  KwBulkReset *self;

  g_return_val_if_fail (KW_IS_HELPDESK (helpdesk), NULL);
  g_return_val_if_fail (usernames != NULL, NULL);

  self = g_object_new (KW_TYPE_BULK_RESET, "helpdesk", helpdesk, NULL);

  for (guint i = 0; usernames[i] != NULL; i++)
    {
      g_autofree char *username = g_strstrip (g_strdup (usernames[i]));
      KwBulkResetRow *row;

      if (*username == '\0' || g_hash_table_contains (seen, username))
        continue;

      row = kw_bulk_reset_row_new (username);
      g_ptr_array_add (self->rows, row);
      g_hash_table_add (seen, (char *) kw_bulk_reset_row_get_username (row));
    }

  self->by_state[KW_BULK_ROW_PENDING] = self->rows->len;
  self->remaining = self->rows->len;

  return self;
}

/**
 * kw_bulk_reset_parse_usernames:
 * @text: the contents of a list, such as a text file
 *
 * One username per line, with LF or CRLF line ends and white space around
 * it ignored. Blank lines and lines starting with `#` are skipped; a `#`
 * later in a line belongs to the username, where Cognito allows it.
 *
 * Returns: (transfer full): the usernames, in order
 */
char **
kw_bulk_reset_parse_usernames (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  /* Editors on Windows start UTF-8 files with a byte order mark. */
  if (g_str_has_prefix (text, "\xef\xbb\xbf"))
    text += 3;

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = g_strstrip (lines[i]);

      if (*line == '\0' || *line == '#')
        continue;
      g_strv_builder_add (builder, line);
    }

  return g_strv_builder_end (builder);
}

/**
 * kw_bulk_reset_set_concurrency:
 * @concurrency: at most this many requests in flight, from 1
 */
void
kw_bulk_reset_set_concurrency (KwBulkReset *self,
                               guint        concurrency)
{
  g_return_if_fail (KW_IS_BULK_RESET (self));
  g_return_if_fail (concurrency >= 1 && concurrency <= MAX_CONCURRENCY);

  if (self->concurrency == concurrency)
    return;

  self->concurrency = concurrency;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONCURRENCY]);

  if (self->task != NULL && self->pace_source == NULL)
    dispatch (self);
}

guint
kw_bulk_reset_get_done (KwBulkReset *self)
{
  g_return_val_if_fail (KW_IS_BULK_RESET (self), 0);

  return self->done;
}

guint
kw_bulk_reset_get_failed (KwBulkReset *self)
{
  g_return_val_if_fail (KW_IS_BULK_RESET (self), 0);

  return self->failed;
}

guint
kw_bulk_reset_get_remaining (KwBulkReset *self)
{
  g_return_val_if_fail (KW_IS_BULK_RESET (self), 0);

  return self->remaining;
}

gboolean
kw_bulk_reset_get_running (KwBulkReset *self)
{
  g_return_val_if_fail (KW_IS_BULK_RESET (self), FALSE);

  return self->task != NULL;
}

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
      end_row (self, row, KW_BULK_ROW_DONE, NULL);
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
          set_row_state (self, row, KW_BULK_ROW_PENDING);
          g_queue_push_head (&self->queue, row);
        }
      else
        {
          end_row (self, row, KW_BULK_ROW_FAILED, error);
        }
    }
  else
    {
      /* An answer from the service used a token of the quota; a transport
       * failure tells nothing about it. */
      if (kw_cognito_error_get_http_status (error) != 0)
        kw_bulk_pace_record_accepted (self->pace, now);
      kw_bulk_reset_row_set_request_id (row, kw_cognito_error_get_request_id (error));
      end_row (self, row, KW_BULK_ROW_FAILED, error);
    }

  dispatch (self);
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
  set_row_state (self, row, KW_BULK_ROW_RUNNING);
  kw_bulk_reset_row_add_attempt (row);

  /* No cancellable: a cancelled run lets requests in flight finish, so that
   * each keeps its real outcome. */
  kw_helpdesk_reset_async (self->helpdesk, kw_bulk_reset_row_get_username (row), NULL,
                           NULL, reset_cb, attempt);
}

static void
finish_run (KwBulkReset *self)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);
  gboolean cancelled = self->stopping;

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
  self->stopping = FALSE;

  release_client_retries (kw_helpdesk_get_client (self->helpdesk));
  notify_counts (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);

  if (cancelled)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             "The bulk reset was cancelled");
  else
    g_task_return_boolean (task, TRUE);
}

static gboolean
pace_cb (gpointer user_data)
{
  KwBulkReset *self = user_data;

  g_clear_pointer (&self->pace_source, g_source_unref);
  dispatch (self);

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
static void
dispatch (KwBulkReset *self)
{
  g_assert (self->task != NULL);

  /* The cancellable's source runs later; nothing goes out in between. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (self->task)))
    self->stopping = TRUE;

  while (!self->stopping && self->pace_source == NULL &&
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

  dispatch (self);

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
      set_row_state (self, row, KW_BULK_ROW_PENDING);
      g_queue_push_tail (&self->queue, row);
    }

  self->task = g_steal_pointer (&task);
  kw_bulk_pace_restart (self->pace);
  hold_client_retries (kw_helpdesk_get_client (self->helpdesk));
  notify_counts (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);

  if (cancellable != NULL)
    {
      self->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_static_name (self->cancel_source, "[keyway] bulk reset cancel");
      g_source_set_callback (self->cancel_source, G_SOURCE_FUNC (cancelled_cb), self, NULL);
      g_source_attach (self->cancel_source, g_task_get_context (self->task));
    }

  dispatch (self);
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
