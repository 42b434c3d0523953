# shellcheck shell=bash disable=SC2016 # the $ in jq programs is jq's
# bin/stack demo: plays a short story against the running services, as a core banking system would,
# through their REST APIs only (curl + jq). Sourced by bin/stack, which provides SERVICE_PORT,
# ALL_SERVICES, SERVICES, all_up and cmd_start.
#
# Six things it shows, each counted as done or missing at the end (exit 1 if any is missing):
#   1. Ana misses installments, her credit score drops, she reports hardship: an involuntary alert,
#      a PAYMENT_EXTENSION offered, accepted and applied by loan-service (schedule moved).
#   2. Dee's bureau score falls 200 points before any missed payment: an involuntary HIGH alert; the
#      relief worth most (restructuring or extension, priced by retention-service) accepted and applied.
#   3. Ben pays on time but asks for a payoff quote and prepays part: a voluntary alert, a LOYALTY_RATE above the
#      approval threshold; `system` may not approve it (four eyes), manager.kim does; accepted, applied.
#   4. Eve asked not to be contacted: her intervention is BLOCKED by the contact policy, and
#      accepting it is refused.
#   5. A customer of the control group misses installments: alerted, but no intervention.
#   6. The churn report (JSON and CSV) as of the business date, with intervals, and a decision log.
#
# Everything is new on each run (national ids carry a run id), so it can run again and again on the
# same data. The business date only moves forward: every run starts from wherever the last one left it.

DEMO_ADVISOR="advisor.lee"
DEMO_TIMEOUT="${LENDKEEP_DEMO_TIMEOUT:-45}"  # seconds to wait for an asynchronous effect (Kafka)
DEMO_DAYS_LATE=5                            # close of business this many days after each due date
DEMO_SCORE_DROP=120     # Ana's fall
DEMO_BIG_DROP=200       # Dee's fall: "credit score fell 200 points"
DEMO_APPROVER="manager.kim"
DEMO_OPERATOR="core.banking"  # the core banking system (and, for the demo's reads, an operator with every role)
ALL_ROLES="core-banking,advisor,retention-manager,risk-analyst,admin"
declare -A DEMO_TOKENS=()     # "user|roles" -> bearer token, minted once per run
DEMO_MAX_SPARES=100     # customers registered at most to find one in the control group (with a 10 % share, 40 missed it 1.5 % of the time: 0.9^40; 100: 0.003 %)

# Customers of this run, by slot number.
declare -a C_NAME=() C_ROLE=() C_ID=() C_LOAN=() C_SCORE=() C_PRINCIPAL=() C_RATE=() C_TERM=() C_INCOME=()
declare -A C_DUE=() C_TOTAL=()  # "slot:seq" -> due date, installment total

# The six things to show: done (1) or missing (0, with why).
ITEM_NAME=("" "payment extension (Ana)" "relief chosen by expected value (Dee)" "loyalty rate with four eyes (Ben)"
  "contact policy blocks, alert falls (Eve)" "control group (no intervention)" "churn report")
declare -a ITEM_OK=(0 0 0 0 0 0 0) ITEM_WHY=("" "" "" "" "" "" "")

BD=""           # the loan book's business date, as last read or set
TODAY=""        # the wall-clock date (the retention report's window)

# --- plumbing ------------------------------------------------------------------------------------

demo_need_tools() {
  local missing=() tool
  for tool in curl jq; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  local what="${missing[0]}, which is not installed"
  [[ ${#missing[@]} -eq 1 ]] || what="${missing[0]} and ${missing[1]}, which are not installed"
  {
    echo "bin/stack demo needs $what. Install with:"
    echo "  Debian/Ubuntu:  sudo apt-get install -y ${missing[*]}"
    echo "  Fedora/RHEL:    sudo dnf install -y ${missing[*]}"
    echo "  macOS:          brew install ${missing[*]}"
  } >&2
  exit 1
}

demo_fail() {
  echo >&2
  echo "demo failed: $*" >&2
  exit 1
}

base_url() { echo "http://localhost:${SERVICE_PORT[$1]}"; }

# api METHOD SERVICE PATH [JSON]: sets HTTP_CODE and BODY; never fails (HTTP_CODE 000 when unreachable).
# Acts as API_USER with API_ROLES (a bearer token from the stack's issuer, see bin/stack token);
# by default as DEMO_OPERATOR with every role.
api() {
  local method="$1" url out
  url="$(base_url "$2")$3"
  token_for "${API_USER:-$DEMO_OPERATOR}" "${API_ROLES:-$ALL_ROLES}"
  local -a args=(-sS --max-time 15 -X "$method" -H 'Accept: application/json' -w '\n%{http_code}')
  args+=(-H "Authorization: Bearer $TOKEN")
  [[ $# -ge 4 ]] && args+=(-H 'Content-Type: application/json' --data "$4")
  out="$(curl "${args[@]}" "$url" 2>&1)" || true
  HTTP_CODE="${out##*$'\n'}"
  BODY="${out%$'\n'*}"
  [[ "$HTTP_CODE" =~ ^[0-9]{3}$ ]] || HTTP_CODE=000
}

# token_for USER ROLES: sets TOKEN, minting it the first time (in the demo's own shell, so it is kept).
token_for() {
  local key="$1|$2"
  if [[ -z "${DEMO_TOKENS[$key]:-}" ]]; then
    DEMO_TOKENS[$key]="$(cmd_token "$2" "$1")" || demo_fail "cannot make a token for $1 ($2)"
  fi
  TOKEN="${DEMO_TOKENS[$key]}"
}

# call EXPECTED_CODE METHOD SERVICE PATH [JSON]: like api, but a different answer ends the demo with
# the problem's detail.
call() {
  local expected="$1" detail
  shift
  api "$@"
  [[ "$HTTP_CODE" == "$expected" ]] && return 0
  if [[ "$HTTP_CODE" == 000 ]]; then
    detail="no answer (${BODY##*curl: })"
  else
    detail="$(jq -r '.detail // empty' <<<"$BODY" 2>/dev/null || true)"
    detail="HTTP $HTTP_CODE${detail:+: $detail}"
  fi
  demo_fail "$1 $(base_url "$2")$3 -> $detail"
}

# poll TIMEOUT WHAT COMMAND...: runs COMMAND every half second until it succeeds; after TIMEOUT
# seconds prints what it was waiting for and fails. Sets WAITED to the seconds it took.
poll() {
  local timeout="$1" what="$2" start=$SECONDS
  shift 2
  until "$@"; do
    if ((SECONDS - start >= timeout)); then
      WAITED=$((SECONDS - start))
      printf '   timed out after %s s waiting for %s\n' "$timeout" "$what"
      return 1
    fi
    sleep 0.5
  done
  WAITED=$((SECONDS - start))
  return 0
}

plus_days() { date -d "$1 + $2 days" +%F; }
money() { printf '%.2f' "$1"; }
pct() { awk -v r="$1" 'BEGIN { printf "%.2f%%", r * 100 }'; }
short() { echo "${1:0:8}"; }
count() { if [[ "$1" == 1 ]]; then echo "1 $2"; else echo "$1 ${2}s"; fi; }

# The consistency check (issue 17): for each customer given, every loan of customer-service's 360
# against the same loan of loan-service (status, outstanding, rate and, while active, days past due,
# overdue amount and bucket). Sets DIFFS to the differences, one line each.
diff_360() {
  local i view book
  DIFFS=""
  for i in "$@"; do
    [[ -n "${C_ID[i]:-}" ]] || continue
    api GET customer-service "/customers/${C_ID[i]}/overview"
    [[ "$HTTP_CODE" == 200 ]] || { DIFFS+="${C_NAME[i]}: customer-service overview HTTP $HTTP_CODE"$'\n'; continue; }
    view="$BODY"
    api GET loan-service "/loans?customerId=${C_ID[i]}"
    [[ "$HTTP_CODE" == 200 ]] || { DIFFS+="${C_NAME[i]}: loan-service loans HTTP $HTTP_CODE"$'\n'; continue; }
    book="$BODY"
    DIFFS+="$(jq -rn --argjson v "$view" --argjson b "$book" --arg name "${C_NAME[i]}" '
      ($v.loans | map({key: .loanId, value: .}) | from_entries) as $ours
      | $b[] | . as $l | $ours[$l.id] as $o
      | if $o == null then "\($name) loan \($l.id[0:8]): in the loan book, not in customer-service"
        else
          ([["status", $l.status, $o.status], ["outstanding", $l.outstandingPrincipal, $o.outstanding],
            ["annualRate", $l.annualRate, $o.annualRate]]
           + (if $l.status == "ACTIVE" then [["daysPastDue", $l.daysPastDue, $o.daysPastDue],
                ["overdueAmount", $l.overdueAmount, $o.overdueAmount], ["delinquencyBucket", $l.delinquencyBucket, $o.delinquencyBucket]]
              else [] end))
          | .[] | select(.[1] != .[2])
          | "\($name) loan \($l.id[0:8]): \(.[0]) loan-service \(.[1]), customer-service \(.[2])"
        end')"
    [[ -z "$DIFFS" || "$DIFFS" == *$'\n' ]] || DIFFS+=$'\n'
  done
}

no_diff_360() {
  diff_360 "$@"
  [[ -z "${DIFFS//$'\n'/}" ]]
}

check_360() {
  local n=0 i
  for i in "$@"; do [[ -n "${C_ID[i]:-}" ]] && n=$((n + 1)); done
  if poll "$DEMO_TIMEOUT" "customer-service's 360 to agree with the loan book" no_diff_360 "$@"; then
    printf '   customer-service agrees with loan-service on every loan of the %s customers of the story (0 differences)\n' "$n"
  else
    printf '   %s\n' "differences between customer-service's 360 and the loan book:"
    printf '%s' "$DIFFS" | sed 's/^/     /'
  fi
}

# Sets CS_DATE to the loan book's date $1 for a credit score or contact. customer-service judges dates
# by the business date it learnt from loan-service's events (GET customer-service /business-date), so
# the demo waits until it has caught up; should it not within the timeout, the date it has is used.
cs_knows_date() {
  api GET customer-service /business-date
  [[ "$HTTP_CODE" == 200 ]] || return 1
  CS_KNOWN="$(jq -r .businessDate <<<"$BODY")"
  [[ ! "$CS_KNOWN" < "$1" ]]
}

cs_date() {
  CS_DATE="$1"
  CS_KNOWN=""
  poll "$DEMO_TIMEOUT" "customer-service to learn the business date $1" cs_knows_date "$1" && return 0
  if [[ -n "$CS_KNOWN" ]]; then
    CS_DATE="$CS_KNOWN"
    printf '   (customer-service still judges dates by %s: dated %s)\n' "$CS_KNOWN" "$CS_KNOWN"
  fi
}

read_business_date() {
  call 200 GET loan-service /business-date
  BD="$(jq -r .date <<<"$BODY")"
}

# Sets BD and MISSED (missed payments in the whole loan book at this close of business).
advance_to() {
  call 200 POST loan-service /business-date "$(jq -nc --arg d "$1" '{date: $d}')"
  BD="$(jq -r .date <<<"$BODY")"
  MISSED="$(jq -r '.missedPayments // 0' <<<"$BODY")"
}


# --- the story -----------------------------------------------------------------------------------

# new_customer NAME ROLE PRINCIPAL RATE TERM INCOME SCORE: adds a slot, sets SLOT.
new_customer() {
  SLOT=${#C_NAME[@]}
  C_NAME[SLOT]="$1" C_ROLE[SLOT]="$2" C_PRINCIPAL[SLOT]="$3" C_RATE[SLOT]="$4" C_TERM[SLOT]="$5"
  C_INCOME[SLOT]="$6" C_SCORE[SLOT]="$7"
}

# What each role does with installment SEQ: the distressed borrower pays the first one only.
pays() {
  case "${C_ROLE[$1]}" in
    distressed) [[ "$2" == 1 ]] ;;
    *) return 0 ;;
  esac
}

# The story's customers must be treated: one drawn into the control group (about 1 in 10, by
# customer id) gets no intervention by design, so such a draw is registered again under a new id.
register() {
  local i="$1" nid email score_date first attempt
  first="${C_NAME[i]%% *}"
  for attempt in 1 2 3 4 5; do
    nid="DEMO${RUN_ID}N${i}A$attempt"
    email="$(tr '[:upper:]' '[:lower:]' <<<"$first").${RUN_ID}.$attempt@example.com"
    call 201 POST customer-service /customers "$(jq -nc --arg n "${C_NAME[i]}" --arg nid "$nid" --arg e "$email" \
      --argjson inc "${C_INCOME[i]}" \
      '{type: "INDIVIDUAL", fullName: $n, nationalId: $nid, email: $e, relationshipSince: "2019-04-01", annualIncome: $inc}')"
    C_ID[i]="$(jq -r .id <<<"$BODY")"
    retention_customer "${C_ID[i]}"
    [[ "$(jq -r .cohort <<<"$BODY")" == CONTROL ]] || break
    printf '   %-13s customer %s was drawn into the control group; registering again for the story\n' \
      "${C_NAME[i]}" "$(short "${C_ID[i]}")"
  done
  cs_date "$BD"
  score_date="$(plus_days "$CS_DATE" -20)"
  call 201 POST customer-service "/customers/${C_ID[i]}/credit-scores" \
    "$(jq -nc --argjson s "${C_SCORE[i]}" --arg d "$score_date" '{bureau: "EXPERIAN", score: $s, scoreDate: $d}')"
  printf '   %-13s customer %s  national id %-24s  credit score %s (EXPERIAN, %s)\n' \
    "${C_NAME[i]}" "$(short "${C_ID[i]}")" "$nid" "${C_SCORE[i]}" "$score_date"
}

# loan_booked BODY: books the loan; false (to poll again) only while loan-service answers 422 naming
# customerId because it has not yet seen the customer's CUSTOMER_REGISTERED on customer-events.
loan_booked() {
  api POST loan-service /loans "$1"
  [[ "$HTTP_CODE" == 422 ]] && jq -e '.errors[]? | select(.field == "customerId")' <<<"$BODY" >/dev/null 2>&1 \
    && jq -e '.detail | contains("not a customer registered")' <<<"$BODY" >/dev/null 2>&1 && return 1
  return 0
}

book_loan() {
  local i="$1" seq body
  body="$(jq -nc --arg c "${C_ID[i]}" --arg p "${C_PRINCIPAL[i]}" --arg r "${C_RATE[i]}" \
    --argjson t "${C_TERM[i]}" --arg d "$BD" \
    '{customerId: $c, principal: $p, annualRate: $r, termMonths: $t, startDate: $d, method: "ANNUITY"}')"
  poll 30 "loan-service to learn customer ${C_ID[i]} from customer-events" loan_booked "$body" \
    || demo_fail "POST $(base_url loan-service)/loans -> HTTP $HTTP_CODE: $(jq -r '.detail // empty' <<<"$BODY" 2>/dev/null)"
  [[ "$HTTP_CODE" == 201 ]] || demo_fail "POST $(base_url loan-service)/loans -> HTTP $HTTP_CODE: $(jq -r '.detail // empty' <<<"$BODY" 2>/dev/null)"
  C_LOAN[i]="$(jq -r .id <<<"$BODY")"
  while IFS=$'\t' read -r seq due total; do
    C_DUE["$i:$seq"]="$due"
    C_TOTAL["$i:$seq"]="$total"
  done < <(jq -r '.schedule[] | select(.seq <= 3) | [.seq, .dueDate, .total] | @tsv' <<<"$BODY")
  printf '   %-13s loan %s  %10s at %6s over %s months, installment %s, first due %s\n' "${C_NAME[i]}" \
    "$(short "${C_LOAN[i]}")" "$(money "${C_PRINCIPAL[i]}")" "$(pct "${C_RATE[i]}")" "${C_TERM[i]}" \
    "$(money "${C_TOTAL[$i:1]}")" "${C_DUE[$i:1]}"
}

# Three months: on each due date the payers pay, then close of business a few days later.
play_months() {
  local seq i due cob missed s d amount dpd
  for seq in 1 2 3; do
    due="${C_DUE[$1:$seq]}"
    missed=0
    if [[ "$due" > "$BD" ]]; then
      advance_to "$due"
      missed="$MISSED"
    fi
    printf '   %s  installment %s due\n' "$BD" "$seq"
    for i in "$@"; do
      if pays "$i" "$seq"; then
        call 201 POST loan-service "/loans/${C_LOAN[i]}/repayments" \
          "$(jq -nc --arg a "$(money "${C_TOTAL[$i:$seq]}")" '{amount: $a}')"
        if [[ "$(jq -r .onTime <<<"$BODY")" == true ]]; then
          printf '     %-13s pays %9s  on time\n' "${C_NAME[i]}" "$(money "${C_TOTAL[$i:$seq]}")"
        else
          printf '     %-13s pays %9s  %s days late\n' "${C_NAME[i]}" "$(money "${C_TOTAL[$i:$seq]}")" "$(jq -r .daysLate <<<"$BODY")"
        fi
      else
        printf '     %-13s does not pay\n' "${C_NAME[i]}"
      fi
    done
    cob="$(plus_days "$due" "$DEMO_DAYS_LATE")"
    advance_to "$cob"
    missed=$((missed + MISSED))
    # Which of them are this story's (the book also holds the loans of earlier runs).
    local -a ours=()
    for i in "$@"; do
      call 200 GET loan-service "/loans/${C_LOAN[i]}"
      while IFS=$'\t' read -r s d amount dpd; do
        ours+=("$(printf '     %-13s installment %s (due %s, %s) unpaid: OVERDUE; the loan is %s days past due' \
          "${C_NAME[i]}" "$s" "$d" "$(money "$amount")" "$dpd")")
      done < <(jq -r --arg from "$due" '.daysPastDue as $dpd | .schedule[] | select(.status == "OVERDUE" and .dueDate == $from)
        | [.seq, .dueDate, (.total - .principalPaid - .interestPaid), $dpd] | @tsv' <<<"$BODY")
    done
    if [[ "$missed" == 0 ]]; then
      printf '   %s  close of business: no missed payment\n' "$BD"
    elif [[ "$missed" == "${#ours[@]}" ]]; then
      printf '   %s  close of business: %s\n' "$BD" "$(count "$missed" "missed payment")"
    else
      printf '   %s  close of business: %s in the whole loan book (earlier runs included), %s in this story\n' \
        "$BD" "$(count "$missed" "missed payment")" "${#ours[@]}"
    fi
    [[ ${#ours[@]} -eq 0 ]] || printf '%s\n' "${ours[@]}"
  done
}

log_contact() {
  local i="$1" kind="$2" topic="$3" channel="$4" satisfaction="$5" outcome="$6" on
  cs_date "$BD"
  on="$CS_DATE"
  # logged by the advisor: customer-service records the token's user
  API_USER="$DEMO_ADVISOR" API_ROLES=advisor call 201 POST customer-service "/customers/${C_ID[i]}/contacts" \
    "$(jq -nc --arg k "$kind" --arg t "$topic" --arg c "$channel" --argjson s "$satisfaction" --arg o "$outcome" --arg d "$on" \
    '{kind: $k, topic: $t, channel: $c, satisfaction: $s, outcome: $o, contactDate: $d}')"
  printf '   %-13s %-9s %-17s by %-6s satisfaction %s/5  "%s"\n' "${C_NAME[i]}" "$kind" "$topic" "$channel" "$satisfaction" "$outcome"
}

# Sets FACTS to a loan's version, rate, first unpaid installment's due date and total, forbearance end.
loan_facts() {
  call 200 GET loan-service "/loans/$1"
  FACTS="$(jq -r '[.scheduleVersion, .annualRate, (first(.schedule[] | select(.status != "PAID")) // {} | .dueDate // "-", .total // 0),
          (.forbearanceUntil // "-")] | @tsv' <<<"$BODY")"
}

# --- what was shown ------------------------------------------------------------------------------

item_done() {
  ITEM_OK[$1]=1
  printf '   => %s: done\n' "${ITEM_NAME[$1]}"
}

# missing N WHY: item N did not happen as it should.
missing() {
  local n="$1"
  shift
  ITEM_OK[n]=0
  ITEM_WHY[n]="${ITEM_WHY[n]:+${ITEM_WHY[n]}; }$*"
  printf '   => %s: MISSING: %s\n' "${ITEM_NAME[n]}" "$*"
}

# The detail of the problem in BODY (application/problem+json), or the body itself.
detail_of() {
  local d
  d="$(jq -r '.detail // .title // empty' <<<"$BODY" 2>/dev/null || true)"
  [[ -n "$d" ]] || d="${BODY:0:200}"
  echo "$d"
}

# --- waiting for the asynchronous effects --------------------------------------------------------

# risk_knows SLOT JQ: true once risk-service's view of the customer satisfies JQ (on .features).
risk_knows() {
  api GET risk-service "/risk/customers/${C_ID[$1]}"
  [[ "$HTTP_CODE" == 200 ]] || return 1
  jq -e ".features as \$f | $2" <<<"$BODY" >/dev/null 2>&1
}

# alert_of SLOT TYPE [LEVELS]: true once risk-service has an alert of that churn type ("" for any)
# for the customer, at one of LEVELS (comma-separated, "" for any); sets ALERT.
alert_of() {
  api GET risk-service "/alerts?customerId=${C_ID[$1]}"
  [[ "$HTTP_CODE" == 200 ]] || return 1
  ALERT="$(jq -c --arg t "$2" --arg l "${3:-}" '[.[] | select(($t == "" or .churnType == $t)
    and ($l == "" or (.level as $x | $l | split(",") | index($x) != null)))] | first // empty' <<<"$BODY" 2>/dev/null)"
  [[ -n "$ALERT" ]]
}

show_alert() {
  local id type level score status reasons
  IFS=$'\t' read -r id type level score status reasons <<<"$(jq -r '[.id, .churnType, .level, .score, .status,
    (.reasons | join("; "))] | @tsv' <<<"$ALERT")"
  printf '   %-13s alert %s: %s %s, score %.3f, %s; why: %s\n' "${C_NAME[$1]}" "$(short "$id")" "$type" "$level" \
    "$score" "$status" "$reasons"
}

# intervention_of SLOT KIND: true once retention-service has an intervention of KIND ("" for any)
# for the customer; sets INTERVENTION.
intervention_of() {
  api GET retention-service "/interventions?customerId=${C_ID[$1]}"
  [[ "$HTTP_CODE" == 200 ]] || return 1
  INTERVENTION="$(jq -c --arg k "$2" '[.[] | select($k == "" or .kind == $k)] | first // empty' <<<"$BODY" 2>/dev/null)"
  [[ -n "$INTERVENTION" ]]
}

# intervention_in ID REGEX: true once the intervention's status matches REGEX; sets INTERVENTION.
intervention_in() {
  api GET retention-service "/interventions/$1"
  [[ "$HTTP_CODE" == 200 ]] || return 1
  INTERVENTION="$BODY"
  [[ "$(jq -r .status <<<"$BODY")" =~ ^($2)$ ]]
}

# Prints INTERVENTION: kind, status, terms, cost, rule.
show_intervention() {
  printf '   %-13s %s\n' "${C_NAME[$1]}" "$(jq -r '
    def pct: if . == null then null else (. * 10000 | round / 100 | tostring) + "%" end;
    [.kind, .status,
     (if .extensionMonths then "\(.extensionMonths) months later" else empty end),
     (if .newAnnualRate then "rate \(.newAnnualRate | pct)" else empty end),
     (if .newTermMonths then "\(.newTermMonths) installments left" else empty end),
     "estimated cost \(.estimatedCost)", "rule \(.playbookRule)", "intervention \(.id[0:8])"] | join(", ")' <<<"$INTERVENTION")"
}

# wait_intervention N SLOT KIND: waits for the customer's intervention of KIND; false (item N
# missing) if it does not come.
wait_intervention() {
  if poll "$DEMO_TIMEOUT" "retention-service to propose a $3 for ${C_NAME[$2]}" intervention_of "$2" "$3"; then
    show_intervention "$2"
    return 0
  fi
  intervention_of "$2" "" || true
  [[ -z "$INTERVENTION" ]] || show_intervention "$2"
  missing "$1" "no $3 for ${C_NAME[$2]} within $DEMO_TIMEOUT s${INTERVENTION:+ (got $(jq -r .kind <<<"$INTERVENTION") instead)}"
  return 1
}

# wait_alert N SLOT TYPE [LEVELS]: waits for the customer's alert; false (item N missing) if none comes.
wait_alert() {
  if poll "$DEMO_TIMEOUT" "risk-service to raise a ${4:+$4 }${3:-churn-risk} alert for ${C_NAME[$2]}" \
    alert_of "$2" "$3" "${4:-}"; then
    show_alert "$2"
    return 0
  fi
  alert_of "$2" "" && show_alert "$2"
  missing "$1" "no ${4:+$4 }${3:-churn-risk} alert for ${C_NAME[$2]} within $DEMO_TIMEOUT s"
  return 1
}

# approve_as_manager N SLOT: approves INTERVENTION (PROPOSED) as DEMO_APPROVER.
approve_as_manager() {
  local id
  id="$(jq -r .id <<<"$INTERVENTION")"
  API_USER="$DEMO_APPROVER" API_ROLES=retention-manager api POST retention-service "/interventions/$id/approve" \
    '{"note": "within the retention policy"}'
  if [[ "$HTTP_CODE" != 200 ]]; then
    missing "$1" "approval by $DEMO_APPROVER refused: HTTP $HTTP_CODE: $(detail_of)"
    return 1
  fi
  INTERVENTION="$BODY"
  printf '   %-13s %-17s %-8s approved by %s (retention-manager), offered by %s\n' "" "" "$(jq -r .status <<<"$BODY")" \
    "$DEMO_APPROVER" "$(jq -r '.offerChannel // .channel // "the contact policy'"'"'s channel"' <<<"$BODY")"
}

# accept_and_apply N SLOT: INTERVENTION (PROPOSED or OFFERED) approved if need be, accepted by the
# advisor, then applied by loan-service. False (item N missing) otherwise.
accept_and_apply() {
  local n="$1" i="$2" id status
  id="$(jq -r .id <<<"$INTERVENTION")"
  status="$(jq -r .status <<<"$INTERVENTION")"
  if [[ "$status" == PROPOSED ]]; then
    approve_as_manager "$n" "$i" || return 1
    status="$(jq -r .status <<<"$INTERVENTION")"
  fi
  if [[ "$status" != OFFERED ]]; then
    missing "$n" "intervention $(short "$id") is $status, not OFFERED: $(jq -r '.deliveryDetail // ""' <<<"$INTERVENTION")"
    return 1
  fi
  API_USER="$DEMO_ADVISOR" API_ROLES=advisor api POST retention-service "/interventions/$id/accept" '{"note": "customer agreed"}'
  if [[ "$HTTP_CODE" != 200 ]]; then
    missing "$n" "accepting intervention $(short "$id") answered HTTP $HTTP_CODE: $(detail_of)"
    return 1
  fi
  printf '   %-13s %-17s %-8s by %s for the customer; loan-service applies it over Kafka\n' "" "" \
    "$(jq -r .status <<<"$BODY")" "$DEMO_ADVISOR"
  if ! poll "$DEMO_TIMEOUT" "loan-service to apply intervention $(short "$id") (status APPLIED or FAILED)" \
    intervention_in "$id" 'APPLIED|FAILED'; then
    missing "$n" "intervention $(short "$id") still $(jq -r .status <<<"$INTERVENTION") after $DEMO_TIMEOUT s"
    return 1
  fi
  status="$(jq -r .status <<<"$INTERVENTION")"
  printf '   %-13s %-17s %-8s after %s s: %s\n' "" "" "$status" "$WAITED" "$(jq -r '.outcomeDetail // ""' <<<"$INTERVENTION")"
  if [[ "$status" != APPLIED ]]; then
    missing "$n" "loan-service rejected the $(jq -r .kind <<<"$INTERVENTION"): $(jq -r '.outcomeDetail // "no detail"' <<<"$INTERVENTION")"
    return 1
  fi
}

# --- the six parts -------------------------------------------------------------------------------

# Eve asks not to be contacted, before anything happens to her.
eve_opts_out() {
  local i="$1"
  call 200 PUT customer-service "/customers/${C_ID[i]}/contact-preferences" \
    '{"doNotContact": true, "allowedChannels": [], "quietPeriods": []}'
  printf '   %-13s asks not to be contacted: doNotContact true, no channel allowed\n' "${C_NAME[i]}"
  if poll "$DEMO_TIMEOUT" "retention-service to learn ${C_NAME[i]}'s contact preferences (doNotContact)" \
    retention_knows_dnc "$i"; then
    printf '   %-13s retention-service has it after %s s: %s\n' "" "$WAITED" \
      "$(jq -r '"contact today: \(.contactToday.allowed), \(.contactToday.reason // "")"' <<<"$BODY")"
  else
    missing 4 "retention-service did not learn ${C_NAME[i]}'s do-not-contact within $DEMO_TIMEOUT s"
  fi
}

# retention_customer ID: waits until retention-service has heard of the customer (customer-events,
# asynchronous) and sets BODY to what it knows; ends the demo if it never does.
retention_customer() {
  poll "$DEMO_TIMEOUT" "retention-service to hear of customer $(short "$1")" retention_knows "$1" ||
    demo_fail "retention-service never heard of customer $1 (is customer-events flowing?)"
}

retention_knows() {
  api GET retention-service "/customers/$1"
  [[ "$HTTP_CODE" == 200 ]]
}

retention_knows_dnc() {
  api GET retention-service "/customers/${C_ID[$1]}"
  [[ "$HTTP_CODE" == 200 ]] && [[ "$(jq -r .doNotContact <<<"$BODY")" == true ]]
}

# Registers spare customers until retention-service puts one in the control group; sets CONTROL_SLOT
# (empty if none in DEMO_MAX_SPARES).
find_control_customer() {
  local k nid id cohort treated=0
  CONTROL_SLOT=""
  for ((k = 1; k <= DEMO_MAX_SPARES; k++)); do
    nid="DEMO${RUN_ID}S$k"
    call 201 POST customer-service /customers "$(jq -nc --arg n "Sam Spare $k" --arg nid "$nid" \
      --arg e "sam$k.${RUN_ID}@example.com" \
      '{type: "INDIVIDUAL", fullName: $n, nationalId: $nid, email: $e, relationshipSince: "2020-06-01", annualIncome: 35000}')"
    id="$(jq -r .id <<<"$BODY")"
    retention_customer "$id"
    cohort="$(jq -r .cohort <<<"$BODY")"
    if [[ "$cohort" == CONTROL ]]; then
      new_customer "Sam Spare $k" distressed 9000.00 0.089 24 35000 0
      C_ID[SLOT]="$id"
      CONTROL_SLOT="$SLOT"
      printf '   %s spare customers registered: %s in TREATMENT, Sam Spare %s (customer %s) in CONTROL\n' \
        "$k" "$treated" "$k" "$(short "$id")"
      printf '   %-13s (GET retention-service /customers/%s: "cohort":"CONTROL")\n' "" "$(short "$id")"
      return 0
    fi
    treated=$((treated + 1))
  done
  printf '   %s spare customers registered, all in TREATMENT\n' "$DEMO_MAX_SPARES"
  missing 5 "no customer in the CONTROL cohort among $DEMO_MAX_SPARES spares"
}

# 2. Dee: the bureau reports a score 200 points lower before any installment is due.
dee_story() {
  local i="$1" new on loan kind r0 t0 v0 r1 t1 v1 left
  new=$((C_SCORE[i] - DEMO_BIG_DROP))
  if ! poll "$DEMO_TIMEOUT" "risk-service to know ${C_NAME[i]}'s loan" risk_knows "$i" '$f.activeLoans >= 1'; then
    missing 2 "risk-service did not see ${C_NAME[i]}'s loan within $DEMO_TIMEOUT s"
    return 0
  fi
  cs_date "$BD"
  on="$CS_DATE"
  call 201 POST customer-service "/customers/${C_ID[i]}/credit-scores" \
    "$(jq -nc --argjson s "$new" --arg d "$on" '{bureau: "EXPERIAN", score: $s, scoreDate: $d}')"
  printf '   %-13s credit score %s -> %s (EXPERIAN, %s), no payment missed\n' "${C_NAME[i]}" "${C_SCORE[i]}" "$new" "$on"
  wait_alert 2 "$i" INVOLUNTARY HIGH,CRITICAL || return 0
  jq -e '.reasons | any(test("score fell"))' <<<"$ALERT" >/dev/null ||
    printf '   %-13s (the alert gives no "score fell" reason)\n' ""
  # retention-service prices every eligible relief (restructuring, extension...) and proposes the one worth most
  wait_intervention 2 "$i" "" || return 0
  kind="$(jq -r .kind <<<"$INTERVENTION")"
  printf '   %-13s %s chosen by expected value %s (GET retention-service /cases/{alertId}/decisions has every candidate)\n' "" \
    "$kind" "$(jq -r '.expectedValue // "?"' <<<"$INTERVENTION")"
  loan="$(jq -r .loanId <<<"$INTERVENTION")"
  call 200 GET loan-service "/loans/$loan"
  IFS=$'\t' read -r r0 t0 v0 <<<"$(jq -r '[.annualRate, (.currentTermMonths // .termMonths), .scheduleVersion] | @tsv' <<<"$BODY")"
  accept_and_apply 2 "$i" || return 0
  call 200 GET loan-service "/loans/$loan"
  IFS=$'\t' read -r r1 t1 v1 left <<<"$(jq -r '[.annualRate, (.currentTermMonths // .termMonths), .scheduleVersion,
    ([.schedule[] | select(.status != "PAID")] | length)] | @tsv' <<<"$BODY")"
  printf '   %-13s loan %s (GET loan-service /loans): %s applied, schedule version %s -> %s, rate %s -> %s, term %s -> %s months, %s installments left, next %s\n' "" \
    "$(short "$loan")" "$kind" "$v0" "$v1" "$(pct "$r0")" "$(pct "$r1")" "$t0" "$t1" "$left" \
    "$(money "$(jq -r 'first(.schedule[] | select(.status != "PAID")) | .total' <<<"$BODY")")"
  # She keeps paying: the next three installments are the new schedule's.
  local k=0 due total
  while IFS=$'\t' read -r due total; do
    k=$((k + 1))
    C_DUE["$i:$k"]="$due"
    C_TOTAL["$i:$k"]="$total"
  done < <(jq -r '[.schedule[] | select(.status != "PAID")][:3][] | [.dueDate, .total] | @tsv' <<<"$BODY")
  if [[ "$v1" == "$v0" ]]; then
    missing 2 "APPLIED but the loan's schedule did not change (version $v0)"
    return 0
  fi
  item_done 2
}

# 1. Ana: missed installments, a credit-score drop and hardship: a payment extension.
ana_story() {
  local i="$1" loan v0 d0 v1 d1 f1
  if poll "$DEMO_TIMEOUT" "risk-service to process ${C_NAME[i]}'s missed payments, score drop and hardship call" \
    risk_knows "$i" "\$f.consecutiveMissed >= 2 and \$f.hardshipContacts >= 1 and \$f.creditScoreChange == -$DEMO_SCORE_DROP"; then
    printf '   %-13s risk-service has the missed payments, the score drop and the hardship call (%s s)\n' "${C_NAME[i]}" "$WAITED"
  fi
  wait_alert 1 "$i" INVOLUNTARY || return 0
  wait_intervention 1 "$i" PAYMENT_EXTENSION || return 0
  loan="$(jq -r .loanId <<<"$INTERVENTION")"
  loan_facts "$loan"
  IFS=$'\t' read -r v0 _ d0 _ _ <<<"$FACTS"
  accept_and_apply 1 "$i" || return 0
  loan_facts "$loan"
  IFS=$'\t' read -r v1 _ d1 _ f1 <<<"$FACTS"
  printf '   %-13s loan %s: schedule version %s -> %s, next due date %s -> %s, forbearance until %s\n' "" \
    "$(short "$loan")" "$v0" "$v1" "$d0" "$d1" "$f1"
  if [[ "$v1" == "$v0" || "$d1" == "$d0" ]]; then
    missing 1 "APPLIED but the loan's schedule did not change (version $v0 -> $v1, due $d0 -> $d1)"
    return 0
  fi
  item_done 1
}

# 3. Ben: a payoff quote from loan-service, a partial prepayment and the inquiry call: a voluntary
#    alert; the loyalty rate costs more than the threshold: four eyes.
ben_story() {
  local i="$1" id loan r0 r1 cost refused=0
  API_USER="$DEMO_ADVISOR" API_ROLES=advisor call 200 GET loan-service "/loans/${C_LOAN[i]}/payoff"
  printf '   %-13s payoff quote     %s (PAYOFF_QUOTED, asked by %s)\n' "${C_NAME[i]}" "$(money "$(jq -r .payoffAmount <<<"$BODY")")" \
    "$DEMO_ADVISOR"
  call 201 POST loan-service "/loans/${C_LOAN[i]}/repayments" '{"amount": "6000.00"}'
  printf '   %-13s prepays          %s (principal prepaid %s)\n' "${C_NAME[i]}" "$(money 6000)" \
    "$(money "$(jq -r '.toPrincipal // 0' <<<"$BODY")")"
  log_contact "$i" INQUIRY PAYOFF_INQUIRY PHONE 3 "Asked for a payoff quote"
  wait_alert 3 "$i" VOLUNTARY || return 0
  wait_intervention 3 "$i" LOYALTY_RATE || return 0
  id="$(jq -r .id <<<"$INTERVENTION")"
  loan="$(jq -r .loanId <<<"$INTERVENTION")"
  cost="$(jq -r .estimatedCost <<<"$INTERVENTION")"
  if [[ "$(jq -r .status <<<"$INTERVENTION")" != PROPOSED ]]; then
    missing 3 "the LOYALTY_RATE (cost $cost) did not wait for approval: four eyes not shown"
    return 0
  fi
  call 200 GET retention-service "/budget"
  printf '   %-13s cost %s is above the approval threshold %s: a person must approve\n' "" "$cost" \
    "$(jq -r '.approvalThreshold // .threshold // "500.00"' <<<"$BODY")"
  API_USER="$DEMO_ADVISOR" API_ROLES=advisor api POST retention-service "/interventions/$id/approve" \
    '{"note": "an advisor approves"}'
  printf '   %-13s approve as %s (advisor)      -> HTTP %s: %s\n' "" "$DEMO_ADVISOR" "$HTTP_CODE" "$(detail_of)"
  [[ "$HTTP_CODE" == 403 ]] && refused=$((refused + 1))
  API_USER=system API_ROLES=retention-manager api POST retention-service "/interventions/$id/approve" \
    '{"note": "a token named system approves"}'
  printf '   %-13s approve as "system" (the proposer)  -> HTTP %s: %s\n' "" "$HTTP_CODE" "$(detail_of)"
  [[ "$HTTP_CODE" == 403 ]] && refused=$((refused + 1))
  if [[ "$refused" != 2 ]]; then
    missing 3 "retention-service let an advisor or the proposer (system) approve intervention $(short "$id")"
    return 0
  fi
  call 200 GET loan-service "/loans/$loan"
  r0="$(jq -r .annualRate <<<"$BODY")"
  accept_and_apply 3 "$i" || return 0
  call 200 GET loan-service "/loans/$loan"
  r1="$(jq -r .annualRate <<<"$BODY")"
  printf '   %-13s loan %s: rate %s -> %s, next installment %s\n' "" "$(short "$loan")" "$(pct "$r0")" "$(pct "$r1")" \
    "$(money "$(jq -r 'first(.schedule[] | select(.status != "PAID")) | .total' <<<"$BODY")")"
  if [[ "$r1" == "$r0" ]]; then
    missing 3 "APPLIED but the rate did not change"
    return 0
  fi
  item_done 3
  log_contact "$i" CALL COMPETITOR_OFFER PHONE 4 "Mentions another bank's offer, but stays with us"
}

# alert_fell ID LEVEL: true once the alert is CLEARED or below LEVEL; sets ALERT.
alert_fell() {
  local -A rank=([LOW]=0 [MEDIUM]=1 [HIGH]=2 [CRITICAL]=3)
  api GET risk-service "/alerts/$1"
  [[ "$HTTP_CODE" == 200 ]] || return 1
  ALERT="$BODY"
  [[ "$(jq -r .status <<<"$BODY")" == CLEARED || ${rank[$(jq -r .level <<<"$BODY")]:-9} -lt ${rank[$2]} ]]
}

# Eve catches up by herself: she pays everything overdue; her alert falls once the score has stayed
# low for two scorings (risk-service's hysteresis): the payment is one, the scheduled re-score on the
# next business date the second (risk.rescore.every, 60 s).
eve_catches_up() {
  local i="$1" id="$2" level="$3" overdue
  call 200 GET loan-service "/loans/${C_LOAN[i]}"
  overdue="$(jq -r .overdueAmount <<<"$BODY")"
  call 201 POST loan-service "/loans/${C_LOAN[i]}/repayments" "$(jq -nc --arg a "$overdue" '{amount: $a}')"
  call 200 GET loan-service "/loans/${C_LOAN[i]}"
  printf '   %-13s catches up by herself: pays %s overdue; her loan is %s days past due\n' "${C_NAME[i]}" "$(money "$overdue")" \
    "$(jq -r .daysPastDue <<<"$BODY")"
  advance_to "$(plus_days "$BD" 1)"
  printf '   %s  close of business; risk-service re-scores the customers whose alert waits to be lowered\n' "$BD"
  if ! poll $((DEMO_TIMEOUT + 90)) "${C_NAME[i]}'s $level alert $(short "$id") to fall" alert_fell "$id" "$level"; then
    missing 4 "${C_NAME[i]}'s alert $(short "$id") did not fall from $level after she caught up (now $(jq -r '"\(.level), \(.status)"' <<<"$ALERT"))"
    return 1
  fi
  show_alert "$i"
  if [[ "$(jq -r .status <<<"$ALERT")" == CLEARED ]]; then
    printf '   %-13s %s -> CLEARED (CHURN_RISK_ALERT_CLEARED)\n' "" "$level"
  else
    printf '   %-13s %s -> %s (CHURN_RISK_ALERT_UPDATED)\n' "" "$level" "$(jq -r .level <<<"$ALERT")"
  fi
}

# 4. Eve: do not contact, so her offer is blocked; she catches up by herself and her alert falls.
eve_story() {
  local i="$1" id alert level
  wait_alert 4 "$i" INVOLUNTARY || return 0
  alert="$(jq -r .id <<<"$ALERT")"
  level="$(jq -r .level <<<"$ALERT")"
  wait_intervention 4 "$i" "" || return 0
  id="$(jq -r .id <<<"$INTERVENTION")"
  # forbearance waits for a person whatever its cost; approved, the contact policy blocks the offer
  if [[ "$(jq -r .status <<<"$INTERVENTION")" == PROPOSED ]]; then
    approve_as_manager 4 "$i" || return 0
  fi
  if ! poll "$DEMO_TIMEOUT" "${C_NAME[i]}'s intervention $(short "$id") to be BLOCKED" intervention_in "$id" BLOCKED; then
    missing 4 "intervention $(short "$id") is $(jq -r .status <<<"$INTERVENTION"), not BLOCKED"
    return 0
  fi
  printf '   %-13s %-17s BLOCKED   deliveryDetail: %s\n' "" "" "$(jq -r '.deliveryDetail // "(none)"' <<<"$INTERVENTION")"
  API_USER="$DEMO_ADVISOR" API_ROLES=advisor api POST retention-service "/interventions/$id/accept" '{"note": "customer agreed"}'
  printf '   %-13s accept by %s -> HTTP %s: %s\n' "" "$DEMO_ADVISOR" "$HTTP_CODE" "$(detail_of)"
  if [[ "$HTTP_CODE" != 409 ]]; then
    missing 4 "accepting a BLOCKED intervention answered HTTP $HTTP_CODE, not 409"
    return 0
  fi
  eve_catches_up "$i" "$alert" "$level" || return 0
  item_done 4
}

# 5. The control group: alerted, nothing proposed.
control_case() {
  api GET retention-service "/cases?customerId=${C_ID[$1]}"
  [[ "$HTTP_CODE" == 200 ]] && jq -e 'length > 0' <<<"$BODY" >/dev/null 2>&1
}

control_story() {
  local i="$1"
  wait_alert 5 "$i" "" || return 0
  if ! poll "$DEMO_TIMEOUT" "retention-service to record ${C_NAME[i]}'s alert case" control_case "$i"; then
    missing 5 "no case in retention-service for ${C_NAME[i]} within $DEMO_TIMEOUT s"
    return 0
  fi
  printf '   %-13s GET retention-service /cases?customerId=: %s\n' "" \
    "$(jq -r 'first | "cohort \(.cohort), evaluation \(.evaluation), \(.candidates | length) candidates"' <<<"$BODY")"
  if [[ "$(jq -r 'first | .cohort' <<<"$BODY")" != CONTROL ]]; then
    missing 5 "the case's cohort is not CONTROL"
    return 0
  fi
  call 200 GET retention-service "/interventions?customerId=${C_ID[i]}"
  printf '   %-13s GET retention-service /interventions?customerId=: %s\n' "" "$(jq -c . <<<"$BODY")"
  if [[ "$(jq length <<<"$BODY")" != 0 ]]; then
    missing 5 "a customer of the control group got interventions"
    return 0
  fi
  printf '   %-13s held out: alerted, no intervention, by design (uplift is measured against such customers)\n' ""
  item_done 5
}

# 6. The churn report, as of the business date (never later: outcomes after it have not happened),
#    and the decision log of one alert (what the next-best action weighed and why).
print_report() {
  jq -r '
    def rate: if . == null then "-" else (. * 10000 | round / 100 | tostring) + "%" end;
    def cmp: "\(.treatment.retained)/\(.treatment.decided) against \(.control.retained)/\(.control.decided), difference \(.difference | rate)" +
      (if .interval95 then ", 95 % CI \(.interval95.lower | rate) to \(.interval95.upper | rate), p \(.pValue)" else "" end) +
      "; \(.conclusion)";
    "   as of \(.asOf[0:19])Z (business date \(.businessDate)), alerts from \(.from) to \(.to); windows: involuntary \(.definitions.involuntaryWindowDays) days, voluntary \(.definitions.voluntaryWindowDays) days, default at \(.definitions.defaultDaysPastDue) days past due",
    "   population: \(.population.alertedCustomers) alerted, \(.population.decided) decided, \(.population.pending) pending, \(.population.retained) retained, \(.population.churned) churned (\(.population.churnedVoluntary) voluntary, \(.population.churnedInvoluntary) involuntary)",
    "   churned by type and cause: " + (if (.churnByTypeAndCause | length) == 0 then "none"
      else ([.churnByTypeAndCause[] | "\(.churnType) \(.cause) \(.customers)"] | join(", ")) end),
    "   loss assessment: " + ([.loss | paths(scalars) as $p | "\($p | join(".")) \(getpath($p))"] | join(", ")),
    (.interventionsByKind[] | "   \(.kind): proposed \(.proposed), offered \(.offered), accepted \(.accepted), acceptance \(.acceptanceRate | rate), cost \(.cost); uplift (intention to treat) \(.intentionToTreat | cmp)"),
    (.uplift.intentionToTreat | "   uplift, intention to treat: \(cmp)"),
    (.uplift.treatedWithOffer | "   uplift, treated with an offer: \(cmp)"),
    (if (.recommendations | length) == 0 then "   recommendations: none (not enough evidence)" else
      (.recommendations[] | "   recommendation: \(.recommendation) (\(.evidence))") end)
  ' <<<"$1"
}

print_decisions() {
  jq -r '.[] | "   decision (\(.trigger)): winners \(.winners | join(", ") | if . == "" then "none" else . end)",
    (.candidates[] | "     \(.kind) [\(.ruleId)]: expected value \(.expectedValue) = \(.probability) x \(.churnReduction) x \(.valueAtRisk) - \(.estimatedCost) -> \(.decision)\(if .decision != "PROPOSED" and (.reasons | length) > 0 then ": " + .reasons[0] else "" end)")' <<<"$1"
}

report_story() {
  local from to q ok=1 alert
  from="$(plus_days "$TODAY" -30)"
  to="$(plus_days "$TODAY" 400)"
  q="from=$from&to=$to"
  api GET retention-service "/reports/churn?$q"
  if [[ "$HTTP_CODE" == 200 ]]; then
    echo "   GET retention-service /reports/churn?$q (as of the business date)"
    print_report "$BODY" || ok=0
  else
    ok=0
    missing 6 "GET /reports/churn?$q answered HTTP $HTTP_CODE: $(detail_of)"
  fi
  api GET retention-service "/reports/churn?$q&asOf=$(plus_days "$BD" 400)"
  echo "   asOf 400 days after the business date -> HTTP $HTTP_CODE: $(detail_of)"
  [[ "$HTTP_CODE" == 400 ]] || { ok=0; missing 6 "an asOf after the business date answered HTTP $HTTP_CODE, not 400"; }
  api GET retention-service "/reports/churn?$q&format=csv"
  if [[ "$HTTP_CODE" == 200 && "$BODY" == section,* ]]; then
    echo "   CSV: GET retention-service /reports/churn?$q&format=csv ($(wc -l <<<"$BODY") lines), first lines:"
    head -n 6 <<<"$BODY" | sed 's/^/     /'
  else
    ok=0
    missing 6 "the CSV report answered HTTP $HTTP_CODE: ${BODY:0:120}"
  fi
  api GET retention-service "/cases?size=1"
  alert="$(jq -r 'first | .alertId // empty' <<<"$BODY" 2>/dev/null)"
  if [[ -n "$alert" ]]; then
    api GET retention-service "/cases/$alert/decisions"
    if [[ "$HTTP_CODE" == 200 ]]; then
      echo "   GET retention-service /cases/$(short "$alert")/decisions (the decision log of the latest alert):"
      print_decisions "$BODY"
    else
      ok=0
      missing 6 "the decision log answered HTTP $HTTP_CODE: $(detail_of)"
    fi
  fi
  [[ "$ok" == 1 ]] && item_done 6
  return 0
}

cmd_demo() {
  [[ $# -eq 0 ]] || die "demo takes no arguments"
  demo_need_tools
  export LC_ALL=C  # decimal points in printf, whatever the locale
  # shellcheck disable=SC2034 # read by all_up and cmd_start in bin/stack
  SERVICES=("${ALL_SERVICES[@]}") # the story needs all four, whatever LENDKEEP_SERVICES says
  use_recorded_ports
  if all_up; then
    echo "LendKeep is running."
  else
    echo "Starting LendKeep first."
    cmd_start
    echo
  fi
  TODAY="$(date +%F)"
  RUN_ID="$(date +%Y%m%d%H%M%S)$((RANDOM % 100))"
  # the people of the story, each with the role their job needs (docs/security.md)
  token_for "$DEMO_OPERATOR" "$ALL_ROLES"
  token_for "$DEMO_ADVISOR" advisor
  token_for "$DEMO_APPROVER" retention-manager
  token_for system retention-manager
  read_business_date
  echo
  echo "LendKeep demo (run $RUN_ID): playing a core banking system that feeds LendKeep through its REST APIs."
  echo "The loan book's business date is $BD; waits time out after $DEMO_TIMEOUT s (LENDKEEP_DEMO_TIMEOUT)."

  local ana ben dee eve ctl i n
  new_customer "Ana Lopez" distressed 25000.00 0.079 36 41000 710; ana=$SLOT
  new_customer "Ben Okafor" payer 30000.00 0.099 48 72000 780; ben=$SLOT
  new_customer "Dee Morgan" payer 18000.00 0.085 36 52000 760; dee=$SLOT
  new_customer "Eve Walsh" distressed 22000.00 0.084 36 38000 690; eve=$SLOT

  echo
  echo "1. Customers register (customer-service), each with a credit score"
  for i in "$ana" "$ben" "$dee" "$eve"; do register "$i"; done
  eve_opts_out "$eve"
  echo "   Looking for a customer of the control group (retention-service draws about 10 % of customers):"
  find_control_customer
  ctl="$CONTROL_SLOT"

  echo
  echo "2. Loans are booked on the business date $BD (loan-service)"
  local -a borrowers=("$ana" "$ben" "$dee" "$eve")
  [[ -z "$ctl" ]] || borrowers+=("$ctl")
  for i in "${borrowers[@]}"; do book_loan "$i"; done

  echo
  echo "3. Relief by expected value: Dee's bureau score falls $DEMO_BIG_DROP points before any installment is due"
  dee_story "$dee"

  echo
  echo "4. Three months go by (the business date moves to each due date, then $DEMO_DAYS_LATE days later;"
  echo "   Ben and Dee pay on time, Ana, Eve${ctl:+ and ${C_NAME[ctl]}} pay the first installment only)"
  local -a players=("$ana" "$ben" "$dee" "$eve")
  [[ -z "$ctl" ]] || players+=("$ctl")
  play_months "${players[@]}"

  echo
  echo "5. Payment extension: Ana's credit score drops and she reports hardship"
  cs_date "$BD"
  call 201 POST customer-service "/customers/${C_ID[ana]}/credit-scores" \
    "$(jq -nc --argjson s "$((C_SCORE[ana] - DEMO_SCORE_DROP))" --arg d "$CS_DATE" '{bureau: "EXPERIAN", score: $s, scoreDate: $d}')"
  printf '   %-13s credit score %s -> %s (EXPERIAN, %s)\n' "${C_NAME[ana]}" "${C_SCORE[ana]}" \
    "$((C_SCORE[ana] - DEMO_SCORE_DROP))" "$CS_DATE"
  log_contact "$ana" CALL HARDSHIP PHONE 3 "Lost her job; asks for a payment holiday"
  ana_story "$ana"

  echo
  echo "6. Loyalty rate and four eyes: Ben, who pays on time, asks for a payoff quote"
  ben_story "$ben"

  echo
  echo "7. Contact policy: Eve, who asked not to be contacted, is in arrears; then she catches up"
  eve_story "$eve"

  echo
  echo "8. Control group: ${C_NAME[ctl]:-nobody} is in arrears too"
  if [[ -n "$ctl" ]]; then
    control_story "$ctl"
  else
    echo "   no customer of the control group was found (see step 1)"
  fi

  echo
  echo "9. The churn report (retention-service)"
  report_story

  echo
  echo "10. Consistency check: the customer 360 (customer-service) against the loan book (loan-service)"
  check_360 "$ana" "$ben" "$dee" "$eve" ${ctl:+"$ctl"}

  echo
  local done_n=0 line=""
  for n in 1 2 3 4 5 6; do
    if [[ "${ITEM_OK[n]}" == 1 && -z "${ITEM_WHY[n]}" ]]; then
      done_n=$((done_n + 1))
      line+=" $n. ${ITEM_NAME[n]}: done;"
    else
      line+=" $n. ${ITEM_NAME[n]}: MISSING;"
    fi
  done
  echo "Summary ($done_n of 6 done, business date now $BD):${line%;}"
  if ((done_n < 6)); then
    echo "Missing:"
    for n in 1 2 3 4 5 6; do
      [[ "${ITEM_OK[n]}" == 1 && -z "${ITEM_WHY[n]}" ]] || echo "  - ${ITEM_NAME[n]}: ${ITEM_WHY[n]:-not reached}"
    done
    echo "Logs: bin/stack logs risk-service, bin/stack logs retention-service, bin/stack logs loan-service"
    exit 1
  fi
  echo "Demo complete."
}
