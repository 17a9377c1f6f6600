{{/*
"<release>-mongodb"; the release name is shortened so that "-headless" still fits in 63 characters.
The parent chart builds the connection string from this name (its "cairn.bundledMongodbHost").
*/}}
{{- define "mongodb.fullname" -}}
{{- printf "%s-mongodb" (.Release.Name | trunc 46 | trimSuffix "-") }}
{{- end }}

{{- define "mongodb.selectorLabels" -}}
app.kubernetes.io/name: mongodb
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "mongodb.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "mongodb.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.bundled.image.tag | toString | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/component: mongodb
app.kubernetes.io/part-of: cairn
{{- end }}

{{/* The ping probe; mongosh needs no credentials for it. */}}
{{- define "mongodb.pingProbe" -}}
exec:
  command:
    - mongosh
    - --quiet
    - --norc
    - --eval
    - "db.adminCommand('ping')"
{{- end }}
