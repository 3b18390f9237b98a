// The Entity Explorer's analytics tabs (timeline, dispersion, collocates, network): their views,
// what each asks the host for, and which answers it takes. A chart asks for its data when shown
// and when the selection, the filter or the index changes; answers to older requests are dropped
// (one request counter for the charts, one for the network's shared sentences).

import type { DateRange } from '../shared/dateRange';
import {
  ALL_DATES,
  CollocatesMessage,
  DispersionMessage,
  MAX_NETWORK_NODES,
  MAX_TIMELINE_SERIES,
  NetworkMessage,
  SharedSentencesMessage,
  ShowMentionsMessage,
  TimelineMessage,
  WebviewToHost,
} from '../shared/panelMessages';
import type { PanelState } from '../shared/panelState';
import { CollocatesView } from './collocatesView';
import { DispersionView } from './dispersionView';
import type { Entity } from './entityRows';
import { NetworkView } from './networkView';
import { TimelineView } from './timelineView';

/** A concordance's scope besides its entity: a timeline period, the dates naming one, a collocate. */
export type MentionScope = Pick<ShowMentionsMessage, 'within' | 'naming' | 'near'>;

/** What the charts need from the rest of the page. */
export interface ChartHost {
  readonly state: PanelState;
  saveState(): void;
  post(message: WebviewToHost): void;
  /** An entity's name, as last listed (its id if never listed). */
  name(id: string): string;
  /** The entities the list shows (its filter): the network's nodes. */
  shownEntities(): Entity[];
  /** Selects an entity and shows its mentions (a node clicked). */
  select(id: string): void;
  /** Shows mentions of an entity in the concordance tab. */
  showMentions(id: string, scope: MentionScope): void;
  /** Sets the panel's date filter (a timeline brushed). */
  setDateRange(range: DateRange): void;
}

export type ChartAnswer = TimelineMessage | DispersionMessage | CollocatesMessage | NetworkMessage;

/** The network is asked for again once typing in the search has settled. */
const NETWORK_SETTLE_MS = 250;

export class Charts {
  readonly timeline: TimelineView;
  readonly dispersion: DispersionView;
  readonly collocates: CollocatesView;
  readonly network: NetworkView;
  private request = 0;
  private sentencesRequest = 0;
  private networkTimer: ReturnType<typeof setTimeout> | undefined;
  /** The nodes of the network shown, and of the one asked for (with the number of entities they were cut from). */
  private networkShown = '';
  private networkAsked = { key: '', requestId: -1, nodes: [] as Entity[], of: 0 };

  constructor(private readonly host: ChartHost) {
    const { state } = host;
    const open = (docId: string, start: number, end: number) => host.post({ type: 'openMention', docId, start, end });
    const timelineChanged = () => {
      host.saveState();
      this.showPinned();
      this.requestChart();
    };
    this.timeline = new TimelineView(state.timelineBy, state.timelineOf, {
      options(by, of) {
        state.timelineBy = by;
        state.timelineOf = of;
        timelineChanged();
      },
      pin() {
        if (!state.selected || state.timelinePinned.includes(state.selected)) return;
        state.timelinePinned = [...state.timelinePinned, state.selected].slice(-(MAX_TIMELINE_SERIES - 1));
        timelineChanged();
      },
      unpin(entityId) {
        state.timelinePinned = state.timelinePinned.filter(id => id !== entityId);
        timelineChanged();
      },
      brush: range => host.setDateRange(range),
      // A period of documents' dates, or (every date) the dates naming the period.
      open: (entityId, period) =>
        host.showMentions(entityId, entityId === ALL_DATES ? { naming: period } : { within: { from: period, to: period } }),
      savePng: base64 => host.post({ type: 'saveImage', what: 'timeline', base64 }),
    });
    this.dispersion = new DispersionView({
      open,
      save() {
        if (state.selected) host.post({ type: 'saveDispersion', entityId: state.selected });
      },
    });
    this.collocates = new CollocatesView(state.collocateWindow, state.keepStopwords, {
      options: (window, keepStopwords) => {
        state.collocateWindow = window;
        state.keepStopwords = keepStopwords;
        host.saveState();
        this.requestChart();
      },
      save() {
        const { selected, collocateWindow: window, keepStopwords } = state;
        if (selected) host.post({ type: 'saveCollocates', entityId: selected, window, keepStopwords });
      },
      open(word) {
        if (state.selected) host.showMentions(state.selected, { near: { word, window: state.collocateWindow } });
      },
    });
    this.network = new NetworkView({
      select: entityId => host.select(entityId),
      edge: (a, b) => host.post({ type: 'sharedSentences', requestId: ++this.sentencesRequest, a, b }),
      open,
      savePng: png => host.post({ type: 'saveImage', what: 'network', base64: png }),
    });
  }

  /** The pinned series and whether the selected entity can join them. */
  showPinned(): void {
    const { state } = this.host;
    const pinned = state.timelinePinned.map(id => ({ id, name: this.host.name(id) }));
    const canPin =
      state.timelineOf === 'documents' &&
      state.selected !== null &&
      !state.timelinePinned.includes(state.selected) &&
      state.timelinePinned.length < MAX_TIMELINE_SERIES - 1;
    this.timeline.setPinned(pinned, canPin, state.timelineOf);
  }

  /** Asks for the data of the chart in view, if any, for the selected entity (the timeline: and those pinned). */
  requestChart(): void {
    const { state } = this.host;
    if (state.tab === 'network') this.requestNetwork();
    if (state.tab === 'timeline') {
      const entityIds = this.timelineSeries();
      if (state.timelineOf === 'documents' && entityIds.length === 0) return;
      this.host.post({ type: 'timeline', requestId: ++this.request, entityIds, by: state.timelineBy, of: state.timelineOf });
      return;
    }
    if (!state.selected) return;
    const entityId = state.selected;
    if (state.tab === 'dispersion') this.host.post({ type: 'dispersion', requestId: ++this.request, entityId });
    else if (state.tab === 'collocates') {
      const { collocateWindow: window, keepStopwords } = state;
      this.host.post({ type: 'collocates', requestId: ++this.request, entityId, window, keepStopwords });
    }
  }

  /** The list's filter changed: the network follows it once typing settles (the selection it only highlights). */
  filterChanged(): void {
    if (this.host.state.tab !== 'network') return;
    clearTimeout(this.networkTimer);
    this.networkTimer = setTimeout(() => this.requestNetwork(), NETWORK_SETTLE_MS);
  }

  /** The index changed: so may the network's edges. */
  indexChanged(): void {
    this.networkShown = '';
    this.networkAsked.key = '';
    this.showPinned();
  }

  onAnswer(message: ChartAnswer): void {
    if (message.requestId !== this.request) return;
    const { state } = this.host;
    if (message.type === 'network') {
      this.networkShown = this.networkAsked.key;
      this.network.show(this.networkAsked.nodes, this.networkAsked.of, message);
    } else if (message.type === 'timeline') {
      this.timeline.show(message, id => (id === ALL_DATES ? 'Every date' : this.host.name(id)));
    } else if (message.type === 'dispersion') {
      this.dispersion.show(message, this.host.name(message.entityId), state.dateRange);
    } else {
      this.collocates.show(message, this.host.name(message.entityId), state.dateRange);
    }
  }

  onSentences(message: SharedSentencesMessage): void {
    if (message.requestId === this.sentencesRequest) this.network.showSentences(message);
  }

  /** The timeline's series: the selected entity, then those pinned (by document date only). */
  private timelineSeries(): string[] {
    const { state } = this.host;
    if (state.timelineOf === 'dates') return [];
    return [...new Set([...(state.selected ? [state.selected] : []), ...state.timelinePinned])].slice(0, MAX_TIMELINE_SERIES);
  }

  private requestNetwork(): void {
    const rows = this.host.shownEntities();
    const nodes = rows.sort((a, b) => b.mentions - a.mentions).slice(0, MAX_NETWORK_NODES);
    const key = nodes.map(n => n.id).join('\n');
    if (key === this.networkShown || (key === this.networkAsked.key && this.networkAsked.requestId === this.request)) return;
    this.networkAsked = { key, requestId: ++this.request, nodes, of: rows.length };
    this.host.post({ type: 'network', requestId: this.request, entityIds: nodes.map(n => n.id) });
  }
}
