/* kw-recovery-flow.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-recovery-flow-private.h"

#include "kw-core-enums.h"

/* The flow is the state a wizard binds to: one request at a time, each an
 * _async/_finish pair; the pages never see the Cognito client.
 *
 * Counting: KwRecoveryFlow:sends and KwRecoveryFlow:confirms count requests
 * the service answered, with success or with an HTTP error. Refusals of the
 * flow, the client's own validation, a missing secret and transport failures
 * (refused, reset, timed out, no answer) are not counted: nothing, or nothing
 * known, reached Cognito. The counters are a meter of this flow's life and
 * survive reset and username edits. */

G_DEFINE_FINAL_TYPE (KwRecoveryFlow, kw_recovery_flow, G_TYPE_OBJECT)

G_DEFINE_QUARK (kw-recovery-error-quark, kw_recovery_error)

enum {
  PROP_0,
  PROP_CONNECTION,
  PROP_SECRET_STORE,
  PROP_USERNAME,
  PROP_STATE,
  PROP_BUSY,
  PROP_DELIVERY,
  PROP_COOLDOWN,
  PROP_RESEND_AVAILABLE_AT,
  PROP_CAN_RESEND,
  PROP_SENDS,
  PROP_CONFIRMS,
  PROP_ERROR,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_busy_state (KwRecoveryState state)
{
  return state == KW_RECOVERY_STATE_REQUESTING_CODE || state == KW_RECOVERY_STATE_CONFIRMING;
}

static const char *
state_name (KwRecoveryState state)
{
  GEnumClass *klass = g_type_class_peek (KW_TYPE_RECOVERY_STATE);
  GEnumValue *value = klass != NULL ? g_enum_get_value (klass, state) : NULL;

  return value != NULL ? value->value_nick : "?";
}

static void
update_can_resend (KwRecoveryFlow *self)
{
  gboolean can_resend = self->code_sent && self->cooldown_source == NULL &&
    (self->state == KW_RECOVERY_STATE_CODE_SENT || self->state == KW_RECOVERY_STATE_FAILED);

  if (self->can_resend == can_resend)
    return;

  self->can_resend = can_resend;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_RESEND]);
}

void
kw_recovery_flow_set_state (KwRecoveryFlow  *self,
                            KwRecoveryState  state)
{
  gboolean was_busy = is_busy_state (self->state);

  if (self->state == state)
    return;

  g_debug ("Recovery flow %p: %s → %s", self, state_name (self->state), state_name (state));

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  if (was_busy != is_busy_state (state))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  update_can_resend (self);
}

/* Where the flow rests between requests: what a cancel returns to. A cancel
 * from FAILED goes here too, since FAILED without an error would leave the
 * page nothing to show. */
KwRecoveryState
kw_recovery_flow_get_resting_state (KwRecoveryFlow *self)
{
  return self->code_sent ? KW_RECOVERY_STATE_CODE_SENT : KW_RECOVERY_STATE_IDLE;
}

void
kw_recovery_flow_set_delivery (KwRecoveryFlow              *self,
                               const KwCodeDeliveryDetails *delivery)
{
  if (self->delivery == NULL && delivery == NULL)
    return;

  g_clear_pointer (&self->delivery, kw_code_delivery_details_free);
  if (delivery != NULL)
    self->delivery = kw_code_delivery_details_copy (delivery);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELIVERY]);
}

static void
set_resend_available_at (KwRecoveryFlow *self,
                         GDateTime      *when)
{
  if (self->resend_available_at == NULL && when == NULL)
    return;

  g_clear_pointer (&self->resend_available_at, g_date_time_unref);
  if (when != NULL)
    self->resend_available_at = g_date_time_ref (when);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESEND_AVAILABLE_AT]);
}

void
kw_recovery_flow_clear_failure (KwRecoveryFlow *self)
{
  if (self->error != NULL)
    {
      g_clear_error (&self->error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
    }

  if (self->message != NULL)
    {
      g_clear_object (&self->message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
    }
}

void
kw_recovery_flow_set_failure (KwRecoveryFlow     *self,
                              const GError       *error,
                              KwCognitoOperation  operation)
{
  g_clear_error (&self->error);
  g_clear_object (&self->message);
  self->error = g_error_copy (error);
  self->message = kw_user_message_new_for_error (error, operation, self->connection);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

/* Counts a request that reached the service; see "Counting" above. */
void
kw_recovery_flow_count_answer (KwRecoveryFlow     *self,
                               KwCognitoOperation  operation)
{
  gboolean confirming = operation == KW_COGNITO_OPERATION_CONFIRM_FORGOT_PASSWORD;
  guint *counter = confirming ? &self->confirms : &self->sends;

  (*counter)++;
  g_object_notify_by_pspec (G_OBJECT (self),
                            properties[confirming ? PROP_CONFIRMS : PROP_SENDS]);
}

void
kw_recovery_flow_stop_cooldown (KwRecoveryFlow *self)
{
  if (self->cooldown_source != NULL)
    {
      g_source_destroy (self->cooldown_source);
      g_clear_pointer (&self->cooldown_source, g_source_unref);
    }
}

static gboolean
cooldown_done_cb (gpointer user_data)
{
  KwRecoveryFlow *self = user_data;

  g_clear_pointer (&self->cooldown_source, g_source_unref);
  update_can_resend (self);

  return G_SOURCE_REMOVE;
}

/* The source holds no reference: dispose and reset destroy it, so a pending
 * cooldown never keeps the flow alive. Millisecond precision, so that a
 * resend is allowed exactly at the resend-available-at a page shows. */
void
kw_recovery_flow_start_cooldown (KwRecoveryFlow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) when = g_date_time_add_seconds (now, self->cooldown);

  kw_recovery_flow_stop_cooldown (self);
  set_resend_available_at (self, when);

  if (self->cooldown > 0)
    {
      self->cooldown_source = g_timeout_source_new (self->cooldown * 1000);
      g_source_set_static_name (self->cooldown_source, "[keyway] resend cooldown");
      g_source_set_callback (self->cooldown_source, cooldown_done_cb, self, NULL);
      g_source_attach (self->cooldown_source, g_main_context_get_thread_default ());
    }

  update_can_resend (self);
}

/* Forgets the request in flight; its callback then only reports the cancel. */
static void
abandon_pending (KwRecoveryFlow *self)
{
  self->pending = NULL;
  g_cancellable_cancel (self->cancellable);
}

/* Back to IDLE for a new start: nothing of the last attempt stays. */
static void
return_to_idle (KwRecoveryFlow *self)
{
  g_object_freeze_notify (G_OBJECT (self));

  abandon_pending (self);
  kw_recovery_flow_stop_cooldown (self);
  self->code_sent = FALSE;
  kw_recovery_flow_set_delivery (self, NULL);
  set_resend_available_at (self, NULL);
  kw_recovery_flow_clear_failure (self);
  kw_recovery_flow_set_state (self, KW_RECOVERY_STATE_IDLE);
  update_can_resend (self);

  g_object_thaw_notify (G_OBJECT (self));
}

static void
kw_recovery_flow_dispose (GObject *object)
{
  KwRecoveryFlow *self = KW_RECOVERY_FLOW (object);

  g_cancellable_cancel (self->cancellable);
  self->pending = NULL;
  kw_recovery_flow_stop_cooldown (self);
  g_clear_object (&self->client);
  g_clear_object (&self->connection);
  g_clear_object (&self->secrets);
  g_clear_object (&self->message);

  G_OBJECT_CLASS (kw_recovery_flow_parent_class)->dispose (object);
}

static void
kw_recovery_flow_finalize (GObject *object)
{
  KwRecoveryFlow *self = KW_RECOVERY_FLOW (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->username, g_free);
  g_clear_pointer (&self->delivery, kw_code_delivery_details_free);
  g_clear_pointer (&self->resend_available_at, g_date_time_unref);
  g_clear_error (&self->error);
  g_clear_pointer (&self->client_secret, kw_secret_free);

  G_OBJECT_CLASS (kw_recovery_flow_parent_class)->finalize (object);
}

static void
kw_recovery_flow_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KwRecoveryFlow *self = KW_RECOVERY_FLOW (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      g_value_set_object (value, self->connection);
      break;
    case PROP_SECRET_STORE:
      g_value_set_object (value, self->secrets);
      break;
    case PROP_USERNAME:
      g_value_set_string (value, self->username);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, is_busy_state (self->state));
      break;
    case PROP_DELIVERY:
      g_value_set_boxed (value, self->delivery);
      break;
    case PROP_COOLDOWN:
      g_value_set_uint (value, self->cooldown);
      break;
    case PROP_RESEND_AVAILABLE_AT:
      g_value_set_boxed (value, self->resend_available_at);
      break;
    case PROP_CAN_RESEND:
      g_value_set_boolean (value, self->can_resend);
      break;
    case PROP_SENDS:
      g_value_set_uint (value, self->sends);
      break;
    case PROP_CONFIRMS:
      g_value_set_uint (value, self->confirms);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    case PROP_MESSAGE:
      g_value_set_object (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_recovery_flow_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KwRecoveryFlow *self = KW_RECOVERY_FLOW (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      self->connection = g_value_dup_object (value);
      break;
    case PROP_SECRET_STORE:
      self->secrets = g_value_dup_object (value);
      break;
    case PROP_USERNAME:
      kw_recovery_flow_set_username (self, g_value_get_string (value));
      break;
    case PROP_COOLDOWN:
      kw_recovery_flow_set_cooldown (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_recovery_flow_class_init (KwRecoveryFlowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kw_recovery_flow_dispose;
  object_class->finalize = kw_recovery_flow_finalize;
  object_class->get_property = kw_recovery_flow_get_property;
  object_class->set_property = kw_recovery_flow_set_property;

  properties[PROP_CONNECTION] =
    g_param_spec_object ("connection", NULL, NULL, KW_TYPE_CONNECTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECRET_STORE] =
    g_param_spec_object ("secret-store", NULL, NULL, KW_TYPE_SECRET_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * KwRecoveryFlow:username:
   *
   * The username or alias, sent exactly as typed. Changing it ends whatever
   * the flow was doing for the old one and returns to %KW_RECOVERY_STATE_IDLE.
   */
  properties[PROP_USERNAME] =
    g_param_spec_string ("username", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, KW_TYPE_RECOVERY_STATE, KW_RECOVERY_STATE_IDLE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * KwRecoveryFlow:delivery:
   *
   * Where the last code went, masked by Cognito. A pool that hides whether
   * users exist answers with a made-up destination for an unknown user; it
   * is shown exactly like a real one.
   */
  properties[PROP_DELIVERY] =
    g_param_spec_boxed ("delivery", NULL, NULL, KW_TYPE_CODE_DELIVERY_DETAILS,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * KwRecoveryFlow:cooldown:
   *
   * Seconds after every code sent before another may be asked for. A change
   * applies from the next send.
   */
  properties[PROP_COOLDOWN] =
    g_param_spec_uint ("cooldown", NULL, NULL, 0, 3600, KW_RECOVERY_DEFAULT_COOLDOWN_SECONDS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                       G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESEND_AVAILABLE_AT] =
    g_param_spec_boxed ("resend-available-at", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_RESEND] =
    g_param_spec_boolean ("can-resend", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * KwRecoveryFlow:sends:
   *
   * ForgotPassword requests the service answered, code sent or error.
   */
  properties[PROP_SENDS] =
    g_param_spec_uint ("sends", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * KwRecoveryFlow:confirms:
   *
   * ConfirmForgotPassword requests the service answered, success or error.
   */
  properties[PROP_CONFIRMS] =
    g_param_spec_uint ("confirms", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_object ("message", NULL, NULL, KW_TYPE_USER_MESSAGE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kw_recovery_flow_init (KwRecoveryFlow *self)
{
  self->state = KW_RECOVERY_STATE_IDLE;
  self->cancellable = g_cancellable_new ();
}

/**
 * kw_recovery_flow_new:
 * @connection: the app client to recover through
 * @secrets: where the client secret is looked up, when the client has one
 *
 * Returns: (transfer full): a new flow in %KW_RECOVERY_STATE_IDLE
 */
KwRecoveryFlow *
kw_recovery_flow_new (KwConnection  *connection,
                      KwSecretStore *secrets)
{
  g_return_val_if_fail (KW_IS_CONNECTION (connection), NULL);
  g_return_val_if_fail (KW_IS_SECRET_STORE (secrets), NULL);

  return g_object_new (KW_TYPE_RECOVERY_FLOW,
                       "connection", connection,
                       "secret-store", secrets,
                       NULL);
}

KwConnection *
kw_recovery_flow_get_connection (KwRecoveryFlow *self)
{
  g_return_val_if_fail (KW_IS_RECOVERY_FLOW (self), NULL);

  return self->connection;
}

const char *
kw_recovery_flow_get_username (KwRecoveryFlow *self)
{
  g_return_val_if_fail (KW_IS_RECOVERY_FLOW (self), NULL);

  return self->username;
}

/**
 * kw_recovery_flow_set_username:
 * @username: (nullable): the username or alias
 *
 * A different username cancels a request in flight and returns the flow to
 * %KW_RECOVERY_STATE_IDLE, forgetting the code sent for the old one.
 */
void
kw_recovery_flow_set_username (KwRecoveryFlow *self,
                               const char     *username)
{
  g_return_if_fail (KW_IS_RECOVERY_FLOW (self));

  if (g_strcmp0 (self->username, username) == 0)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  g_free (self->username);
  self->username = g_strdup (username);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USERNAME]);

  if (self->state != KW_RECOVERY_STATE_IDLE || self->pending != NULL)
    return_to_idle (self);

  g_object_thaw_notify (G_OBJECT (self));
}

KwRecoveryState
kw_recovery_flow_get_state (KwRecoveryFlow *self)
{
  g_return_val_if_fail (KW_IS_RECOVERY_FLOW (self), KW_RECOVERY_STATE_IDLE);

  return self->state;
}

gboolean
kw_recovery_flow_get_busy (KwRecoveryFlow *self)
{
  g_return_val_if_fail (KW_IS_RECOVERY_FLOW (self), FALSE);

  return is_busy_state (self->state);
}

/**
 * kw_recovery_flow_get_delivery:
 *
 * Returns: (nullable): where the last code went
 */
const KwCodeDeliveryDetails *
kw_recovery_flow_get_delivery (KwRecoveryFlow *self)
{
  g_return_val_if_fail (KW_IS_RECOVERY_FLOW (self), NULL);

  return self->delivery;
}

guint
kw_recovery_flow_get_cooldown (KwRecoveryFlow *self)
{
  g_return_val_if_fail (KW_IS_RECOVERY_FLOW (self), 0);

  return self->cooldown;
}

void
kw_recovery_flow_set_cooldown (KwRecoveryFlow *self,
                               guint           seconds)
{
  g_return_if_fail (KW_IS_RECOVERY_FLOW (self));
  g_return_if_fail (seconds <= 3600);

  if (self->cooldown == seconds)
    return;

  self->cooldown = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COOLDOWN]);
}

/**
 * kw_recovery_flow_get_resend_available_at:
 *
 * Returns: (nullable) (transfer none): when another code may be asked for,
 *   or %NULL before the first code
 */
GDateTime *
kw_recovery_flow_get_resend_available_at (KwRecoveryFlow *self)
{
  g_return_val_if_fail (KW_IS_RECOVERY_FLOW (self), NULL);

  return self->resend_available_at;
}

gboolean
kw_recovery_flow_get_can_resend (KwRecoveryFlow *self)
{
  g_return_val_if_fail (KW_IS_RECOVERY_FLOW (self), FALSE);

  return self->can_resend;
}

guint
kw_recovery_flow_get_sends (KwRecoveryFlow *self)
{
  g_return_val_if_fail (KW_IS_RECOVERY_FLOW (self), 0);

  return self->sends;
}

guint
kw_recovery_flow_get_confirms (KwRecoveryFlow *self)
{
  g_return_val_if_fail (KW_IS_RECOVERY_FLOW (self), 0);

  return self->confirms;
}

/**
 * kw_recovery_flow_get_error:
 *
 * Returns: (nullable): the last failure, or %NULL
 */
const GError *
kw_recovery_flow_get_error (KwRecoveryFlow *self)
{
  g_return_val_if_fail (KW_IS_RECOVERY_FLOW (self), NULL);

  return self->error;
}

/**
 * kw_recovery_flow_get_message:
 *
 * Returns: (nullable) (transfer none): what to tell the person about the
 *   last failure, or %NULL
 */
KwUserMessage *
kw_recovery_flow_get_message (KwRecoveryFlow *self)
{
  g_return_val_if_fail (KW_IS_RECOVERY_FLOW (self), NULL);

  return self->message;
}

/**
 * kw_recovery_flow_set_client_secret:
 * @client_secret: (nullable): the app client's secret, or %NULL to use the
 *   keyring's again
 *
 * Takes effect from the next request, with a new Cognito client. The flow
 * keeps its copy in memory only and wipes it when replaced or finalized.
 */
void
kw_recovery_flow_set_client_secret (KwRecoveryFlow *self,
                                    const char     *client_secret)
{
  g_return_if_fail (KW_IS_RECOVERY_FLOW (self));

  g_clear_pointer (&self->client_secret, kw_secret_free);
  if (client_secret != NULL && *client_secret != '\0')
    self->client_secret = g_strdup (client_secret);

  /* A request in flight keeps the client it started with. */
  self->secret_serial++;
  g_clear_object (&self->client);
}

/**
 * kw_recovery_flow_reset:
 *
 * Back to %KW_RECOVERY_STATE_IDLE for a new start with the same username:
 * cancels a request in flight (its callback gets %G_IO_ERROR_CANCELLED), and
 * forgets the code, the delivery, the cooldown and the last failure.
 */
void
kw_recovery_flow_reset (KwRecoveryFlow *self)
{
  g_return_if_fail (KW_IS_RECOVERY_FLOW (self));

  return_to_idle (self);
}
