/* kw-bulk-reset.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-bulk-reset-private.h"

#include <string.h>

/* The bulk reset's rows, counts and settings; the run itself is in
 * kw-bulk-reset-run.c, the results export in kw-bulk-reset-export.c. */

#define DEFAULT_MAX_REQUEUES 20
#define MAX_CONCURRENCY 64

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
  PROP_PAUSED,
  PROP_DONE,
  PROP_FAILED,
  PROP_REMAINING,
  PROP_SECONDS_LEFT,
  PROP_JOURNAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PROGRESS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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
  g_clear_object (&self->journal);

  G_OBJECT_CLASS (kw_bulk_reset_parent_class)->dispose (object);
}

static void
kw_bulk_reset_finalize (GObject *object)
{
  KwBulkReset *self = KW_BULK_RESET (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->pace, kw_bulk_pace_free);
  g_clear_pointer (&self->eta, kw_bulk_eta_free);

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
    case PROP_PAUSED:
      g_value_set_boolean (value, self->paused);
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
    case PROP_SECONDS_LEFT:
      g_value_set_double (value, self->seconds_left);
      break;
    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

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
    case PROP_PAUSED:
      kw_bulk_reset_set_paused (self, g_value_get_boolean (value));
      break;
    case PROP_JOURNAL:
      kw_bulk_reset_set_journal (self, g_value_get_object (value));
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
  /**
   * KwBulkReset:paused:
   *
   * Nothing new is sent while paused; requests in flight finish.
   */
  properties[PROP_PAUSED] =
    g_param_spec_boolean ("paused", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
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
  /**
   * KwBulkReset:seconds-left:
   *
   * The estimated time until every row has ended, or -1 when unknown; see
   * kw_bulk_reset_get_seconds_left().
   */
  properties[PROP_SECONDS_LEFT] =
    g_param_spec_double ("seconds-left", NULL, NULL, -1, G_MAXDOUBLE, -1,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * KwBulkReset:journal:
   *
   * Where ended rows are recorded, for a resume; see
   * kw_bulk_reset_set_journal().
   */
  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL, KW_TYPE_BULK_JOURNAL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

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
  self->eta = kw_bulk_eta_new ();
  self->seconds_left = -1;
  g_queue_init (&self->queue);
}

void
kw_bulk_reset_notify_counts (KwBulkReset *self)
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

void
kw_bulk_reset_set_row_state (KwBulkReset    *self,
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

static void
set_seconds_left (KwBulkReset *self,
                  double       seconds_left)
{
  if (self->seconds_left == seconds_left)
    return;

  self->seconds_left = seconds_left;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECONDS_LEFT]);
}

void
kw_bulk_reset_update_seconds_left (KwBulkReset *self)
{
  if (self->task == NULL)
    set_seconds_left (self, self->remaining == 0 ? 0 : -1);
  else
    set_seconds_left (self, kw_bulk_eta_seconds_left (self->eta, self->remaining,
                                                      g_get_monotonic_time ()));
}

static void
record_in_journal (KwBulkReset    *self,
                   KwBulkResetRow *row)
{
  g_autofree char *error_name = kw_bulk_reset_row_dup_error_name (row);

  kw_bulk_journal_record (self->journal, kw_bulk_reset_row_get_username (row),
                          kw_bulk_reset_row_get_state (row) == KW_BULK_ROW_DONE,
                          error_name, kw_bulk_reset_row_get_request_id (row),
                          kw_bulk_reset_row_get_time (row));
}

/* A row ended: its state is final for this run. */
void
kw_bulk_reset_end_row (KwBulkReset    *self,
                       KwBulkResetRow *row,
                       KwBulkRowState  state,
                       const GError   *error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  kw_bulk_reset_row_set_error (row, error);
  kw_bulk_reset_row_set_time (row, now);
  kw_bulk_reset_set_row_state (self, row, state);
  /* Recorded first: whatever a handler of the signals below does, even
   * quitting, the row is on its way to disk. */
  if (self->journal != NULL)
    record_in_journal (self, row);
  kw_bulk_eta_row_ended (self->eta, g_get_monotonic_time ());
  kw_bulk_reset_notify_counts (self);
  kw_bulk_reset_update_seconds_left (self);
  g_signal_emit (self, signals[PROGRESS], 0, self->done, self->failed, self->remaining);
}

void
kw_bulk_reset_notify_running (KwBulkReset *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
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
    kw_bulk_reset_dispatch (self);
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

/**
 * kw_bulk_reset_set_paused:
 * @paused: %TRUE to stop sending, %FALSE to go on
 *
 * A pause stops the sending, not the run: requests in flight finish and
 * keep their outcome, and the run stays on until it is resumed (it then
 * goes on where it was) or cancelled. Time paused does not count in the
 * estimate of the time left.
 */
void
kw_bulk_reset_set_paused (KwBulkReset *self,
                          gboolean     paused)
{
  gint64 now = g_get_monotonic_time ();

  g_return_if_fail (KW_IS_BULK_RESET (self));

  paused = !!paused;
  if (self->paused == paused)
    return;

  self->paused = paused;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED]);

  if (self->task == NULL)
    return;

  if (paused)
    {
      kw_bulk_eta_pause (self->eta, now);
      kw_bulk_reset_update_seconds_left (self);
      /* The pace's timer would only find the run paused. */
      if (self->pace_source != NULL)
        {
          g_source_destroy (self->pace_source);
          g_clear_pointer (&self->pace_source, g_source_unref);
        }
    }
  else
    {
      kw_bulk_eta_resume (self->eta, now);
      kw_bulk_reset_update_seconds_left (self);
      if (self->pace_source == NULL)
        kw_bulk_reset_dispatch (self);
    }
}

gboolean
kw_bulk_reset_get_paused (KwBulkReset *self)
{
  g_return_val_if_fail (KW_IS_BULK_RESET (self), FALSE);

  return self->paused;
}

/**
 * kw_bulk_reset_get_seconds_left:
 *
 * The rate is that of rows ending (done or failed) over the last 30 seconds
 * of the run, time paused left out, so it includes the throttling.
 *
 * Returns: the estimated seconds until every row has ended, 0 when none
 *   remains, or -1 when unknown
 */
double
kw_bulk_reset_get_seconds_left (KwBulkReset *self)
{
  g_return_val_if_fail (KW_IS_BULK_RESET (self), -1);

  return self->seconds_left;
}

/**
 * kw_bulk_reset_set_journal:
 * @journal: (nullable): the journal of the file and pool, opened with
 *   kw_bulk_journal_open_async()
 *
 * Pending rows take the outcome the journal records for them: done rows
 * are skipped by a run, failed ones retried. Rows that already ended here
 * are recorded in @journal if it does not know them. From then on, every
 * row that ends is recorded.
 */
void
kw_bulk_reset_set_journal (KwBulkReset   *self,
                           KwBulkJournal *journal)
{
  g_return_if_fail (KW_IS_BULK_RESET (self));
  g_return_if_fail (journal == NULL || KW_IS_BULK_JOURNAL (journal));
  g_return_if_fail (self->task == NULL);

  if (!g_set_object (&self->journal, journal))
    return;

  for (guint i = 0; journal != NULL && i < self->rows->len; i++)
    {
      KwBulkResetRow *row = g_ptr_array_index (self->rows, i);
      KwBulkRowState state = kw_bulk_reset_row_get_state (row);
      const KwBulkJournalEntry *entry =
        kw_bulk_journal_lookup (journal, kw_bulk_reset_row_get_username (row));

      if (state == KW_BULK_ROW_PENDING && entry != NULL)
        {
          g_autoptr(GError) error = NULL;

          if (!entry->done)
            error = kw_bulk_reset_error_from_name (entry->error_name != NULL
                                                     ? entry->error_name : "UnknownError",
                                                   entry->request_id);
          kw_bulk_reset_row_set_error (row, error);
          kw_bulk_reset_row_set_request_id (row, entry->request_id);
          kw_bulk_reset_row_set_time (row, entry->time);
          kw_bulk_reset_set_row_state (self, row,
                                       entry->done ? KW_BULK_ROW_DONE : KW_BULK_ROW_FAILED);
        }
      else if (state != KW_BULK_ROW_PENDING &&
               (entry == NULL || entry->done != (state == KW_BULK_ROW_DONE)))
        {
          record_in_journal (self, row);
        }
    }

  kw_bulk_reset_notify_counts (self);
  kw_bulk_reset_update_seconds_left (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOURNAL]);
}

/**
 * kw_bulk_reset_get_journal:
 *
 * Returns: (nullable) (transfer none): where ended rows are recorded
 */
KwBulkJournal *
kw_bulk_reset_get_journal (KwBulkReset *self)
{
  g_return_val_if_fail (KW_IS_BULK_RESET (self), NULL);

  return self->journal;
}

