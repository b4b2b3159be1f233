/* kw-delivery-page.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-delivery-page.h"

#include <glib/gi18n-lib.h>

struct _KwDeliveryPage
{
  KwWizardPage  parent_instance;

  /* Template widgets */
  GtkImage     *medium_image;
  GtkLabel     *heading_label;
  GtkLabel     *body_label;
  GtkLabel     *note_label;
  GtkLabel     *countdown_label;

  /* Owned references */
  GSignalGroup *flow_signals;
  guint         countdown_id;
};

G_DEFINE_FINAL_TYPE (KwDeliveryPage, kw_delivery_page, KW_TYPE_WIZARD_PAGE)

/**
 * kw_delivery_describe_destination:
 * @delivery: where a code went
 *
 * Names the destination for running text, with the masked value in bold,
 * exactly as the service wrote it.
 *
 * Returns: (transfer full): Pango markup
 */
char *
kw_delivery_describe_destination (const KwCodeDeliveryDetails *delivery)
{
  const char *destination;
  const char *attribute;

  g_return_val_if_fail (delivery != NULL, NULL);

  destination = delivery->destination != NULL ? delivery->destination : "";
  attribute = delivery->attribute_name;

  if (g_strcmp0 (attribute, "email") == 0 ||
      (attribute == NULL && delivery->medium == KW_DELIVERY_MEDIUM_EMAIL))
    /* Translators: the placeholder is a masked email address, such as j***@e***. */
    return g_markup_printf_escaped (_("the email address <b>%s</b>"), destination);

  if (g_strcmp0 (attribute, "phone_number") == 0 ||
      (attribute == NULL && delivery->medium == KW_DELIVERY_MEDIUM_SMS))
    /* Translators: the placeholder is a masked phone number, such as +*******0123. */
    return g_markup_printf_escaped (_("the phone number <b>%s</b>"), destination);

  return g_markup_printf_escaped ("<b>%s</b>", destination);
}

static gboolean
kw_delivery_page_hides_accounts (KwDeliveryPage *self)
{
  KwRecoveryFlow *flow = kw_wizard_page_get_flow (KW_WIZARD_PAGE (self));

  return flow != NULL &&
         kw_connection_get_prevent_user_existence_errors (kw_recovery_flow_get_connection (flow));
}

static void
kw_delivery_page_update_text (KwDeliveryPage *self)
{
  KwRecoveryFlow *flow = kw_wizard_page_get_flow (KW_WIZARD_PAGE (self));
  const KwCodeDeliveryDetails *delivery = NULL;
  g_autofree char *where = NULL;
  g_autofree char *body = NULL;
  const char *icon_name = "mail-send-symbolic";
  const char *heading = _("Check Your Messages");
  const char *note = _("The code can take a few minutes to arrive. It is valid for one hour.");

  if (flow != NULL)
    delivery = kw_recovery_flow_get_delivery (flow);

  if (delivery == NULL)
    {
      gtk_label_set_text (self->body_label, "");
      return;
    }

  switch (delivery->medium)
    {
    case KW_DELIVERY_MEDIUM_EMAIL:
      icon_name = "mail-unread-symbolic";
      heading = _("Check Your Email");
      note = _("The code can take a few minutes to arrive; if it does not, look in your spam "
               "folder. It is valid for one hour.");
      break;

    case KW_DELIVERY_MEDIUM_SMS:
      icon_name = "phone-symbolic";
      heading = _("Check Your Phone");
      break;

    case KW_DELIVERY_MEDIUM_UNKNOWN:
    default:
      break;
    }

  where = kw_delivery_describe_destination (delivery);

  if (kw_delivery_page_hides_accounts (self))
    {
      g_autofree char *who = g_markup_escape_text (kw_recovery_flow_get_username (flow), -1);

      /* The service answers alike whether or not the account exists, so
       * the page must not claim that it does. */
      /* Translators: the first placeholder is the username as typed, the
       * second names the destination, such as "the email address j***@e***". */
      body = g_strdup_printf (_("If an account exists for “%s”, a code was sent to %s."),
                              who, where);
    }
  else
    {
      /* Translators: the placeholder names the destination, such as
       * "the email address j***@e***" or "the phone number +*******0123". */
      body = g_strdup_printf (_("A code was sent to %s."), where);
    }

  gtk_image_set_from_icon_name (self->medium_image, icon_name);
  gtk_label_set_text (self->heading_label, heading);
  gtk_label_set_markup (self->body_label, body);
  gtk_label_set_text (self->note_label, note);
}

static gboolean
kw_delivery_page_update_countdown (KwDeliveryPage *self)
{
  KwRecoveryFlow *flow = kw_wizard_page_get_flow (KW_WIZARD_PAGE (self));
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *text = NULL;
  GDateTime *available_at = NULL;
  GTimeSpan remaining;
  int seconds;

  if (flow != NULL && !kw_recovery_flow_get_can_resend (flow))
    available_at = kw_recovery_flow_get_resend_available_at (flow);

  /* The label keeps its line when empty, so the buttons do not jump. */
  if (available_at == NULL)
    {
      gtk_label_set_text (self->countdown_label, "");
      self->countdown_id = 0;
      return G_SOURCE_REMOVE;
    }

  now = g_date_time_new_now_utc ();
  remaining = g_date_time_difference (available_at, now);
  /* Round up, so the label never says 0:00 while the button is still off. */
  seconds = (int) MAX (0, (remaining + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);

  /* Translators: a countdown; the placeholders are minutes and seconds (1:05). */
  text = g_strdup_printf (_("You can ask for a new code in %d:%02d"), seconds / 60, seconds % 60);
  gtk_label_set_text (self->countdown_label, text);

  return G_SOURCE_CONTINUE;
}

static gboolean
kw_delivery_page_countdown_cb (gpointer user_data)
{
  return kw_delivery_page_update_countdown (KW_DELIVERY_PAGE (user_data));
}

static void
kw_delivery_page_update_resend (KwDeliveryPage *self)
{
  g_clear_handle_id (&self->countdown_id, g_source_remove);

  if (kw_delivery_page_update_countdown (self) == G_SOURCE_CONTINUE)
    self->countdown_id = g_timeout_add_seconds (1, kw_delivery_page_countdown_cb, self);
}

static void
kw_delivery_page_flow_changed (KwDeliveryPage *self)
{
  g_assert (KW_IS_DELIVERY_PAGE (self));

  kw_delivery_page_update_text (self);
  kw_delivery_page_update_resend (self);
}

static void
kw_delivery_page_dispose (GObject *object)
{
  KwDeliveryPage *self = KW_DELIVERY_PAGE (object);

  g_clear_handle_id (&self->countdown_id, g_source_remove);
  if (self->flow_signals != NULL)
    g_signal_group_set_target (self->flow_signals, NULL);
  g_clear_object (&self->flow_signals);

  gtk_widget_dispose_template (GTK_WIDGET (self), KW_TYPE_DELIVERY_PAGE);

  G_OBJECT_CLASS (kw_delivery_page_parent_class)->dispose (object);
}

static void
kw_delivery_page_class_init (KwDeliveryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kw_delivery_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keyway/Keyway/ui/kw-delivery-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KwDeliveryPage, medium_image);
  gtk_widget_class_bind_template_child (widget_class, KwDeliveryPage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, KwDeliveryPage, body_label);
  gtk_widget_class_bind_template_child (widget_class, KwDeliveryPage, note_label);
  gtk_widget_class_bind_template_child (widget_class, KwDeliveryPage, countdown_label);
}

static void
kw_delivery_page_init (KwDeliveryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The page follows whichever flow the host gives it. */
  self->flow_signals = g_signal_group_new (KW_TYPE_RECOVERY_FLOW);
  g_signal_group_connect_object (self->flow_signals, "notify::delivery",
                                 G_CALLBACK (kw_delivery_page_flow_changed), self,
                                 G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->flow_signals, "notify::username",
                                 G_CALLBACK (kw_delivery_page_flow_changed), self,
                                 G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->flow_signals, "notify::resend-available-at",
                                 G_CALLBACK (kw_delivery_page_flow_changed), self,
                                 G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->flow_signals, "notify::can-resend",
                                 G_CALLBACK (kw_delivery_page_flow_changed), self,
                                 G_CONNECT_SWAPPED);
  g_object_bind_property (self, "flow", self->flow_signals, "target", G_BINDING_SYNC_CREATE);
  g_signal_connect (self, "notify::flow", G_CALLBACK (kw_delivery_page_flow_changed), NULL);
}

GtkWidget *
kw_delivery_page_new (void)
{
  return g_object_new (KW_TYPE_DELIVERY_PAGE, NULL);
}

/**
 * kw_delivery_page_get_summary:
 * @self: the page
 *
 * Returns: (transfer none): where the code went, as one plain sentence
 *   ("A code was sent to the email address j***@e***."), or "" before any
 */
const char *
kw_delivery_page_get_summary (KwDeliveryPage *self)
{
  g_return_val_if_fail (KW_IS_DELIVERY_PAGE (self), NULL);

  return gtk_label_get_text (self->body_label);
}
