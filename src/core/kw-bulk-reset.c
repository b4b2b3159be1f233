/* kw-bulk-reset.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-bulk-reset.h"

#include "kw-core-enums.h"

#include <string.h>

/* AdminResetUserPassword over a list, as fast as the pool's quota allows and
 * no faster.
 *
 * Cognito's quotas are per account and per category of operation, and they
 * are shared with every other caller, so the dispatcher cannot know the rate
 * in advance: it learns it. Until the first throttled answer it sends as
 * fast as `concurrency` allows. A throttled answer sets a pace just under
 * the rate the service accepted over the last second (a multiplicative
 * decrease, once per round of requests), and while the pace is what holds
 * requests back it creeps up by 5 % a second (the additive increase), until
 * the next throttled answer. The service's quota is a token bucket, so the
 * tokens left unused while the pace is below the quota are spent when it
 * creeps above it: the run converges on the quota. When the service
 * accepted nothing at all (the quota was used up by someone else), there is
 * no rate to go by: the pace drops to its floor and doubles every second
 * until the next throttled answer gives one.
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
/* The floor of the pace, in requests per second. */
#define MIN_RATE 1.0
/* A throttled answer sets the pace to this share of the accepted rate. */
#define DECREASE_FACTOR 0.9
/* How fast the pace grows while it is what holds requests back, per second
 * and relative to itself: 5 % after a measured decrease, and twice as fast
 * each second (e^0.69) while probing from the floor. Each request sent adds
 * the factor to the rate, which at R requests per second makes R × factor
 * per second. */
#define INCREASE_PER_SECOND 0.05
#define PROBE_INCREASE_PER_SECOND 0.69
/* The window over which the accepted rate is measured. */
#define WINDOW_US G_USEC_PER_SEC

/* Rows */

struct _KwBulkResetRow
{
  GObject         parent_instance;

  char           *username;
  KwBulkRowState  state;
  GError         *error;
  char           *request_id;
  guint           attempts;
  guint           requeues;   /* throttled answers in the current run */
};

G_DEFINE_FINAL_TYPE (KwBulkResetRow, kw_bulk_reset_row, G_TYPE_OBJECT)

enum {
  ROW_PROP_0,
  ROW_PROP_USERNAME,
  ROW_PROP_STATE,
  ROW_PROP_ERROR,
  ROW_PROP_REQUEST_ID,
  ROW_PROP_ATTEMPTS,
  N_ROW_PROPS
};

static GParamSpec *row_properties[N_ROW_PROPS];

static void
kw_bulk_reset_row_finalize (GObject *object)
{
  KwBulkResetRow *self = KW_BULK_RESET_ROW (object);

  g_clear_pointer (&self->username, g_free);
  g_clear_error (&self->error);
  g_clear_pointer (&self->request_id, g_free);

  G_OBJECT_CLASS (kw_bulk_reset_row_parent_class)->finalize (object);
}

static void
kw_bulk_reset_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KwBulkResetRow *self = KW_BULK_RESET_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_USERNAME:
      g_value_set_string (value, self->username);
      break;
    case ROW_PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case ROW_PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    case ROW_PROP_REQUEST_ID:
      g_value_set_string (value, self->request_id);
      break;
    case ROW_PROP_ATTEMPTS:
      g_value_set_uint (value, self->attempts);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_bulk_reset_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KwBulkResetRow *self = KW_BULK_RESET_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_USERNAME:
      self->username = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_bulk_reset_row_class_init (KwBulkResetRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kw_bulk_reset_row_finalize;
  object_class->get_property = kw_bulk_reset_row_get_property;
  object_class->set_property = kw_bulk_reset_row_set_property;

  row_properties[ROW_PROP_USERNAME] =
    g_param_spec_string ("username", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  row_properties[ROW_PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, KW_TYPE_BULK_ROW_STATE, KW_BULK_ROW_PENDING,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * KwBulkResetRow:error:
   *
   * Why the row failed; %NULL unless its state is %KW_BULK_ROW_FAILED.
   */
  row_properties[ROW_PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * KwBulkResetRow:request-id:
   *
   * The service's request id of the last answer for this row, for AWS support.
   */
  row_properties[ROW_PROP_REQUEST_ID] =
    g_param_spec_string ("request-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * KwBulkResetRow:attempts:
   *
   * Requests sent for this row, over every run, throttled ones included.
   */
  row_properties[ROW_PROP_ATTEMPTS] =
    g_param_spec_uint ("attempts", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_ROW_PROPS, row_properties);
}

static void
kw_bulk_reset_row_init (KwBulkResetRow *self)
{
  self->state = KW_BULK_ROW_PENDING;
}

const char *
kw_bulk_reset_row_get_username (KwBulkResetRow *self)
{
  g_return_val_if_fail (KW_IS_BULK_RESET_ROW (self), NULL);

  return self->username;
}

KwBulkRowState
kw_bulk_reset_row_get_state (KwBulkResetRow *self)
{
  g_return_val_if_fail (KW_IS_BULK_RESET_ROW (self), KW_BULK_ROW_PENDING);

  return self->state;
}

/**
 * kw_bulk_reset_row_get_error:
 *
 * Returns: (nullable) (transfer none): why the row failed
 */
const GError *
kw_bulk_reset_row_get_error (KwBulkResetRow *self)
{
  g_return_val_if_fail (KW_IS_BULK_RESET_ROW (self), NULL);

  return self->error;
}

/**
 * kw_bulk_reset_row_get_request_id:
 *
 * Returns: (nullable): the request id of the last answer
 */
const char *
kw_bulk_reset_row_get_request_id (KwBulkResetRow *self)
{
  g_return_val_if_fail (KW_IS_BULK_RESET_ROW (self), NULL);

  return self->request_id;
}

guint
kw_bulk_reset_row_get_attempts (KwBulkResetRow *self)
{
  g_return_val_if_fail (KW_IS_BULK_RESET_ROW (self), 0);

  return self->attempts;
}

static void
row_set_error (KwBulkResetRow *row,
               const GError   *error)
{
  if (row->error == NULL && error == NULL)
    return;

  g_clear_error (&row->error);
  if (error != NULL)
    row->error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (row), row_properties[ROW_PROP_ERROR]);
}

static void
row_set_request_id (KwBulkResetRow *row,
                    const char     *request_id)
{
  if (request_id == NULL || g_strcmp0 (row->request_id, request_id) == 0)
    return;

  g_free (row->request_id);
  row->request_id = g_strdup (request_id);
  g_object_notify_by_pspec (G_OBJECT (row), row_properties[ROW_PROP_REQUEST_ID]);
}

static void
row_add_attempt (KwBulkResetRow *row)
{
  row->attempts++;
  g_object_notify_by_pspec (G_OBJECT (row), row_properties[ROW_PROP_ATTEMPTS]);
}

/* The list */

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

  /* The pace is learnt afresh in each run, which may come hours after the
   * last; the accepted answers of the last second are kept, so that a run
   * right after a cancel starts from what the service just accepted. */
  double          rate;          /* requests per second; 0 until throttled */
  gint64          next_send_us;
  gint64          last_decrease_us;
  gboolean        pace_waited;   /* the pace held the next request back */
  gboolean        probing;       /* the pace is not based on a measured rate */
  GArray         *accepted_us;   /* when non-throttled answers came, last window */
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
  g_clear_pointer (&self->accepted_us, g_array_unref);

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
  self->accepted_us = g_array_new (FALSE, FALSE, sizeof (gint64));
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
  if (row->state == state)
    return;

  self->by_state[row->state]--;
  self->by_state[state]++;
  row->state = state;
  g_object_notify_by_pspec (G_OBJECT (row), row_properties[ROW_PROP_STATE]);
}

/* A row ended: its state is final for this run. */
static void
end_row (KwBulkReset    *self,
         KwBulkResetRow *row,
         KwBulkRowState  state,
         const GError   *error)
{
  row_set_error (row, error);
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

      row = g_object_new (KW_TYPE_BULK_RESET_ROW, "username", username, NULL);
      g_ptr_array_add (self->rows, row);
      g_hash_table_add (seen, row->username);
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

/* The pace */

static void
forget_old_answers (KwBulkReset *self,
                    gint64       now)
{
  guint old = 0;

  while (old < self->accepted_us->len &&
         g_array_index (self->accepted_us, gint64, old) <= now - WINDOW_US)
    old++;

  if (old > 0)
    g_array_remove_range (self->accepted_us, 0, old);
}

static void
record_accepted (KwBulkReset *self,
                 gint64       now)
{
  forget_old_answers (self, now);
  g_array_append_val (self->accepted_us, now);
}

/* Requests per second the service accepted over the last window. */
static double
accepted_rate (KwBulkReset *self,
               gint64       now)
{
  forget_old_answers (self, now);

  return self->accepted_us->len * (double) G_USEC_PER_SEC / WINDOW_US;
}

static void
slow_down (KwBulkReset *self,
           gint64       sent_us)
{
  gint64 now = g_get_monotonic_time ();
  double accepted;
  double base;

  /* The other requests of the round that drew this answer were sent at the
   * old pace: their throttled answers say nothing new. */
  if (self->rate > 0 && sent_us < self->last_decrease_us)
    return;

  accepted = accepted_rate (self, now);
  base = self->rate > 0 ? MIN (self->rate, accepted) : accepted;
  self->rate = MAX (MIN_RATE, base * DECREASE_FACTOR);
  self->probing = base * DECREASE_FACTOR < MIN_RATE;
  self->last_decrease_us = now;
  self->next_send_us = now + (gint64) (G_USEC_PER_SEC / self->rate);

  g_debug ("Bulk reset: throttled; %.1f requests/s accepted, pace now %.1f/s",
           accepted, self->rate);
}

/* Called as a request goes out. */
static void
advance_pace (KwBulkReset *self,
              gint64       now)
{
  gint64 interval;

  if (self->rate <= 0)
    return;

  if (self->pace_waited)
    {
      /* The pace is what holds requests back: probe upwards, but not far
       * past what the service has been seen to accept. */
      double ceiling = MAX (2 * accepted_rate (self, now), MIN_RATE);

      self->rate += self->probing ? PROBE_INCREASE_PER_SECOND : INCREASE_PER_SECOND;
      self->rate = MAX (MIN (self->rate, ceiling), MIN_RATE);
      self->pace_waited = FALSE;
    }

  interval = (gint64) (G_USEC_PER_SEC / self->rate);
  /* A timer that fires late may catch up one interval, no more: a pause
   * while answers were awaited must not turn into a burst. */
  self->next_send_us = MAX (self->next_send_us, now - interval) + interval;
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
      record_accepted (self, now);
      row_set_request_id (row, request_id);
      end_row (self, row, KW_BULK_ROW_DONE, NULL);
    }
  else if (is_throttling (error))
    {
      row_set_request_id (row, kw_cognito_error_get_request_id (error));
      slow_down (self, attempt->sent_us);

      if (row->requeues < self->max_requeues)
        {
          /* The service did nothing: the row goes back to the front, so
           * that the list still ends in roughly its own order. */
          row->requeues++;
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
        record_accepted (self, now);
      row_set_request_id (row, kw_cognito_error_get_request_id (error));
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
  row_add_attempt (row);

  /* No cancellable: a cancelled run lets requests in flight finish, so that
   * each keeps its real outcome. */
  kw_helpdesk_reset_async (self->helpdesk, row->username, NULL, reset_cb, attempt);
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
               gint64       now)
{
  guint delay_ms = (guint) ((self->next_send_us - now + 999) / 1000);

  self->pace_waited = TRUE;
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

      if (self->rate > 0 && now < self->next_send_us)
        {
          wait_for_pace (self, now);
          break;
        }

      advance_pace (self, now);
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

      if (row->state == KW_BULK_ROW_DONE)
        continue;

      row->requeues = 0;
      row_set_error (row, NULL);
      set_row_state (self, row, KW_BULK_ROW_PENDING);
      g_queue_push_tail (&self->queue, row);
    }

  self->task = g_steal_pointer (&task);
  self->rate = 0;
  self->pace_waited = FALSE;
  self->probing = FALSE;
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
