from django.urls import path

from .views import mailbox

app_name = "mailbox"
urlpatterns = [
    path("", mailbox.inbox, name="inbox"),
    path("<int:message_id>", mailbox.message, name="message"),
]
